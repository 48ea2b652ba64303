package dev.drawbridge.protocol.message;

import dev.drawbridge.protocol.validation.ProtocolLimits;
import dev.drawbridge.protocol.validation.Require;

/**
 * Someone in the room.
 *
 * @param role {@code editor} or {@code viewer}
 */
public record Peer(String clientId, String name, String color, String role) {
  public Peer {
    Require.id(clientId, "peer.clientId");
    Require.text(name, "peer.name", ProtocolLimits.MAX_NAME_LENGTH);
    Require.color(color, "peer.color");
    Require.id(role, "peer.role");
  }
}
