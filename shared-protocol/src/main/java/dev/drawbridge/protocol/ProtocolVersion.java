package dev.drawbridge.protocol;

/** Protocol version negotiation (docs/protocol.md R6, R70). */
public final class ProtocolVersion {
  /** The version this build speaks. */
  public static final int CURRENT = 1;

  /** The oldest client version this build's relay still serves. */
  public static final int MIN_SUPPORTED = 1;

  /** The outcome of comparing a client's version with the relay's. */
  public enum Compatibility {
    OK,
    /** The client is older than the relay supports: close 4000, reason CLIENT_TOO_OLD. */
    CLIENT_TOO_OLD,
    /** The client is newer than the relay: close 4000, reason SERVER_TOO_OLD. */
    SERVER_TOO_OLD
  }

  private ProtocolVersion() {}

  /** Whether a relay speaking [minSupported, current] can serve a client speaking clientVersion. */
  public static Compatibility check(int clientVersion, int minSupported, int current) {
    if (clientVersion < minSupported) {
      return Compatibility.CLIENT_TOO_OLD;
    }
    if (clientVersion > current) {
      return Compatibility.SERVER_TOO_OLD;
    }
    return Compatibility.OK;
  }

  /** {@link #check(int, int, int)} against this build. */
  public static Compatibility check(int clientVersion) {
    return check(clientVersion, MIN_SUPPORTED, CURRENT);
  }
}
