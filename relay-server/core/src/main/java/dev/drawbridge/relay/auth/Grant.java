package dev.drawbridge.relay.auth;

/**
 * What a verified handshake allows.
 *
 * @param role editor or viewer
 * @param name the display name the token asserts, or null to use the client's own
 */
public record Grant(Role role, String name) {
  /** Everything allowed: the grant of a relay started with --no-auth. */
  public static final Grant OPEN = new Grant(Role.EDITOR, null);
}
