package dev.drawbridge.relay.oplog;

/**
 * The data directory cannot be used as it is, and trying again will not change that: it was written
 * by a newer relay, or this process may not write it. A person has to act (run the newer relay,
 * restore a backup, give the relay's user the files), so {@code serve} exits with code 2, which the
 * systemd unit does not restart on.
 */
public final class UnusableDataException extends OpLogException {
  private static final long serialVersionUID = 1L;

  public UnusableDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
