package dev.drawbridge.client.host.discovery;

import dev.drawbridge.protocol.validation.Require;

/**
 * What a host tells the network about an open board.
 *
 * @param room the room (R1)
 * @param hostName the host's display name
 * @param people how many are on the board, the host included
 * @param port the hosted relay's port
 * @param token an editor token for {@code room}, or null
 */
public record Announcement(String room, String hostName, int people, int port, String token) {
  public Announcement {
    if (!Require.isRoomName(room)) {
      throw new IllegalArgumentException("not a room name: " + room);
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    hostName = hostName == null ? "" : hostName;
  }

  /** The same board with another people count and token. */
  public Announcement with(int otherPeople, String otherToken) {
    return new Announcement(room, hostName, otherPeople, port, otherToken);
  }
}
