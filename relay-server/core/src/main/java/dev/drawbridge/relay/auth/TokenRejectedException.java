package dev.drawbridge.relay.auth;

/** A handshake the token does not allow; {@link #httpStatus()} is 401 or 403 (R2, R3). */
public final class TokenRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;

  public TokenRejectedException(int httpStatus, String message) {
    super(message);
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
