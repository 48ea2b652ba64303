package dev.drawbridge.client.ui.start;

import dev.drawbridge.protocol.validation.Require;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the user typed to join a board. {@link #problems()} lists what is wrong as message keys;
 * {@link #roomUrl()} is the handshake address (R1: {@code ws[s]://host:port/v1/rooms/{room}}). A
 * full room address pasted into the server field fills in the room too.
 */
public record JoinForm(String serverUrl, String room, String name, String token) {
  private static final Pattern ROOM_PATH = Pattern.compile("/v1/rooms/([^/?#]+)/?$");

  public JoinForm {
    serverUrl = serverUrl == null ? "" : serverUrl.trim();
    room = room == null ? "" : room.trim();
    name = name == null ? "" : name.trim();
    token = token == null ? "" : token.trim();
    URI uri = parse(serverUrl);
    if (uri != null && uri.getPath() != null) {
      Matcher m = ROOM_PATH.matcher(uri.getPath());
      if (m.find()) {
        if (room.isEmpty()) {
          room = m.group(1);
        }
        serverUrl = serverUrl.substring(0, serverUrl.indexOf("/v1/rooms/"));
      }
    }
  }

  /** Message keys for what is wrong; empty when the form can be submitted. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    URI uri = server();
    if (uri == null) {
      problems.add("join.error.url");
    }
    if (!Require.isRoomName(room)) {
      problems.add("join.error.room");
    }
    if (name.isEmpty() || name.length() > 64) {
      problems.add("join.error.name");
    }
    return problems;
  }

  /** The server as a ws/wss URI (http and https are accepted and mapped), or null when invalid. */
  public URI server() {
    URI uri = parse(serverUrl);
    if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
      return null;
    }
    String scheme =
        switch (uri.getScheme().toLowerCase()) {
          case "ws", "http" -> "ws";
          case "wss", "https" -> "wss";
          default -> null;
        };
    if (scheme == null) {
      return null;
    }
    try {
      return new URI(scheme, null, uri.getHost(), uri.getPort(), null, null, null);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** The room's handshake address, or null when the form is invalid. */
  public URI roomUrl() {
    URI base = server();
    if (base == null || !Require.isRoomName(room)) {
      return null;
    }
    return URI.create(base + "/v1/rooms/" + room);
  }

  private static URI parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new URI(text.contains("://") ? text : "ws://" + text);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
