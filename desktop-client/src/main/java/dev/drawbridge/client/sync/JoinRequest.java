package dev.drawbridge.client.sync;

import dev.drawbridge.protocol.validation.Require;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What the user typed to join a board.
 *
 * @param serverUrl {@code ws://host:port} or {@code wss://host:port}
 * @param room the board's room name ([A-Za-z0-9_-], 1–64 characters)
 * @param name display name
 * @param color the user's colour, {@code #RRGGBB}
 * @param token invite token, or null for a relay running without auth
 */
public record JoinRequest(String serverUrl, String room, String name, String color, String token) {
  /**
   * The room's WebSocket address (R1). Throws IllegalArgumentException with words for the user when
   * the server address or room name is not usable.
   */
  public URI roomUri() {
    if (!Require.isRoomName(room)) {
      throw new IllegalArgumentException(
          "A board name uses letters, digits, '-' and '_' only (at most 64).");
    }
    URI server;
    try {
      server = new URI(serverUrl == null ? "" : serverUrl.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Not a server address: " + serverUrl, e);
    }
    String scheme = server.getScheme() == null ? "" : server.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("ws") && !scheme.equals("wss") || server.getHost() == null) {
      throw new IllegalArgumentException(
          "A server address looks like ws://host:port or wss://host:port, not " + serverUrl);
    }
    int port = server.getPort() > 0 ? server.getPort() : scheme.equals("wss") ? 443 : 80;
    return URI.create(
        scheme + "://" + hostPart(server.getHost()) + ":" + port + "/v1/rooms/" + room);
  }

  private static String hostPart(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
