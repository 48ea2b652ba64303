package dev.drawbridge.client.ui.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.drawbridge.client.model.Ids;
import dev.drawbridge.client.ui.common.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * What the app remembers per user. Unknown fields in the file are ignored and missing ones take
 * their defaults, so an older or newer settings file still loads.
 *
 * @param name display name others see
 * @param color the user's colour ({@code #RRGGBB}) for their cursor and people-list dot; a missing
 *     one is picked from {@link PeoplePalette}
 * @param theme "light" or "dark"
 * @param language "system", "en" or "zh-CN"
 * @param clientId this installation's id towards relays
 * @param serverUrl last server URL joined
 * @param room last room joined
 * @param token last token used (kept so rejoining is one click)
 * @param grid whether the grid shows
 * @param recent recently used boards, newest first
 * @param snapToGrid whether moving, resizing and drawing shapes snap to the grid (off by default)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(
    String name,
    String color,
    String theme,
    String language,
    String clientId,
    String serverUrl,
    String room,
    String token,
    Boolean grid,
    List<RecentBoard> recent,
    Boolean snapToGrid) {

  static final int MAX_RECENT = 8;

  public Settings {
    name = name == null || name.isBlank() ? System.getProperty("user.name", "Me") : name;
    if (name.length() > 64) {
      name = name.substring(0, 64);
    }
    color = color == null || !color.matches("#[0-9a-fA-F]{6}") ? PeoplePalette.pick() : color;
    theme = "dark".equals(theme) ? "dark" : "light";
    language = language != null && Messages.LANGUAGES.contains(language) ? language : "system";
    clientId = clientId == null || clientId.isBlank() ? Ids.random() : clientId;
    serverUrl = serverUrl == null ? "ws://localhost:8080" : serverUrl;
    room = room == null ? "" : room;
    token = token == null ? "" : token;
    grid = grid == null ? Boolean.TRUE : grid;
    recent = recent == null ? List.of() : List.copyOf(recent);
    snapToGrid = snapToGrid != null && snapToGrid;
  }

  public static Settings defaults() {
    return new Settings(null, null, null, null, null, null, null, null, null, null, null);
  }

  /** A board the start screen offers to reopen. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RecentBoard(String kind, String label, String location) {
    public static final String FILE = "file";
    public static final String ROOM = "room";

    /** A board file, listed by its name and opened again from its absolute path. */
    public static RecentBoard file(java.nio.file.Path file) {
      return new RecentBoard(FILE, file.getFileName().toString(), file.toAbsolutePath().toString());
    }
  }

  public Settings withProfile(String newName, String newColor, String newTheme, String newLang) {
    return new Settings(
        newName,
        newColor,
        newTheme,
        newLang,
        clientId,
        serverUrl,
        room,
        token,
        grid,
        recent,
        snapToGrid);
  }

  public Settings withJoin(String newServer, String newRoom, String newName, String newToken) {
    return new Settings(
        newName,
        color,
        theme,
        language,
        clientId,
        newServer,
        newRoom,
        newToken,
        grid,
        recent,
        snapToGrid);
  }

  public Settings withColor(String newColor) {
    return new Settings(
        name,
        newColor,
        theme,
        language,
        clientId,
        serverUrl,
        room,
        token,
        grid,
        recent,
        snapToGrid);
  }

  public Settings withGrid(boolean newGrid) {
    return new Settings(
        name,
        color,
        theme,
        language,
        clientId,
        serverUrl,
        room,
        token,
        newGrid,
        recent,
        snapToGrid);
  }

  public Settings withSnapToGrid(boolean snap) {
    return new Settings(
        name, color, theme, language, clientId, serverUrl, room, token, grid, recent, snap);
  }

  /** Puts {@code board} first in the recent list (once), keeping at most {@link #MAX_RECENT}. */
  public Settings withRecent(RecentBoard board) {
    List<RecentBoard> list = new ArrayList<>();
    list.add(board);
    for (RecentBoard r : recent) {
      if (!(r.kind().equals(board.kind()) && r.location().equals(board.location()))) {
        list.add(r);
      }
    }
    return new Settings(
        name,
        color,
        theme,
        language,
        clientId,
        serverUrl,
        room,
        token,
        grid,
        list.subList(0, Math.min(MAX_RECENT, list.size())),
        snapToGrid);
  }
}
