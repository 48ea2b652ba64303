package dev.drawbridge.relay.auth;

/**
 * A handshake the token does not allow. Every refusal answers the same: HTTP 401 with {@link
 * #PUBLIC_MESSAGE} (R2, R3, R76), so the answer never tells which check failed (an "expired" would
 * confirm that the signature was good). {@link #detail()} names the check, for the relay's own log
 * only.
 */
public final class TokenRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The answer to every refused token, missing, forged, expired or for another room alike. */
  public static final String PUBLIC_MESSAGE = "token refused";

  private final String detail;
  private final boolean wrongRoom;

  TokenRejectedException(String detail, boolean wrongRoom) {
    super(PUBLIC_MESSAGE);
    this.detail = detail;
    this.wrongRoom = wrongRoom;
  }

  /** Always 401: a 403 for another room would also say the signature was good. */
  public int httpStatus() {
    return 401;
  }

  /** Which check failed (e.g. "TokenExpiredException"): server-side logs only, never the answer. */
  public String detail() {
    return detail;
  }

  /** The {@code reason} the relay counts the refusal under: wrong_room or unauthorized. */
  public String rejectReason() {
    return wrongRoom ? "wrong_room" : "unauthorized";
  }
}
