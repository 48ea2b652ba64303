package dev.drawbridge.protocol;

/** WebSocket close codes used by the relay (docs/protocol.md R50). */
public final class CloseCodes {
  /** Server shutting down: reconnect with backoff. */
  public static final int GOING_AWAY = 1001;

  /**
   * The relay could not store an op (or another relay wrote the room's shared log first): the room
   * is reloaded from what the log really holds; reconnect with backoff.
   */
  public static final int STORAGE_FAILURE = 1011;

  /**
   * Another relay sharing the op log now serves this room (it wrote ops this relay did not order):
   * reconnect with backoff, the load balancer routes to the room's relay.
   */
  public static final int ROOM_MOVED = 1012;

  /** Protocol version not supported; the reason is CLIENT_TOO_OLD or SERVER_TOO_OLD. */
  public static final int VERSION_NOT_SUPPORTED = 4000;

  /** Missing, invalid or expired token. Do not retry automatically. */
  public static final int UNAUTHORIZED = 4001;

  /** A frame that is not a valid protocol message (or arrived out of order). */
  public static final int MALFORMED = 4002;

  /** Origin not allowed, room not allowed by the token, or role not allowed. */
  public static final int FORBIDDEN = 4003;

  /** Sustained traffic over the rate limit. */
  public static final int RATE_LIMITED = 4008;

  /** A frame or field larger than the documented limits. */
  public static final int TOO_BIG = 4009;

  /** The room has its maximum number of members. */
  public static final int ROOM_FULL = 4010;

  /** The client fell too far behind reading; it reconnects and catches up from its last seq. */
  public static final int TOO_SLOW = 4011;

  /**
   * Another connection said hello with this connection's client id and key: the same installation
   * opened the board again (typically reconnecting while this socket was half-open). Terminal: the
   * newer connection is the one that counts (R82).
   */
  public static final int REPLACED = 4013;

  /**
   * The client id in hello belongs to another installation (the room knows it with another key, or
   * it is in use without one). Terminal: retrying cannot help (R83).
   */
  public static final int CLIENT_ID_TAKEN = 4014;

  /**
   * The host ended the board: the app that ran this relay ("Host on this computer") stopped hosting
   * it. Terminal: the relay is gone, retrying would only loop (R86, R87).
   */
  public static final int HOST_ENDED = 4015;

  private CloseCodes() {}

  /** Codes after which a client must not reconnect on its own (it needs the user). */
  public static boolean isTerminal(int code) {
    return code == VERSION_NOT_SUPPORTED
        || code == UNAUTHORIZED
        || code == FORBIDDEN
        || code == REPLACED
        || code == CLIENT_ID_TAKEN
        || code == HOST_ENDED;
  }
}
