package dev.drawbridge.client.sync;

/**
 * Who this installation is on one board: the id every member sees, and the secret key that proves
 * the id is this installation's to the relay (docs/protocol.md R80–R85). Both live in the board's
 * folder ({@link BoardDirectory#identity}).
 */
public record ClientIdentity(String clientId, String clientKey) {
  // A record prints every component: the key must not reach a log line through it (R84).
  @Override
  public String toString() {
    return "ClientIdentity[clientId=" + clientId + "]";
  }
}
