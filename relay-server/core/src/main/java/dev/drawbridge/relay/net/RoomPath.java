package dev.drawbridge.relay.net;

import dev.drawbridge.protocol.validation.Require;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The handshake target {@code /v1/rooms/{room}[?token=…]} (R1, R2).
 *
 * @param room the room name, {@code [A-Za-z0-9_-]{1,64}}
 * @param token the {@code token} query parameter, or null
 */
record RoomPath(String room, String token) {
  private static final String PREFIX = "/v1/rooms/";

  /** The parsed target, or null when it is not a room URL. */
  static RoomPath parse(String resourceDescriptor) {
    if (resourceDescriptor == null || resourceDescriptor.length() > 8192) {
      return null;
    }
    int q = resourceDescriptor.indexOf('?');
    String path = q < 0 ? resourceDescriptor : resourceDescriptor.substring(0, q);
    String room = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : null;
    if (!Require.isRoomName(room)) {
      return null;
    }
    String token = null;
    if (q >= 0) {
      for (String pair : resourceDescriptor.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).equals("token")) {
          try {
            token = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
          } catch (IllegalArgumentException e) {
            token = "";
          }
        }
      }
    }
    return new RoomPath(room, token);
  }
}
