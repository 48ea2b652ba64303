package dev.drawbridge.relay.oplog;

/** The log could not be read or written: the relay cannot keep its promises for this room. */
public sealed class OpLogException extends RuntimeException
    permits RoomTakenException, UnusableDataException {
  private static final long serialVersionUID = 1L;

  public OpLogException(String message, Throwable cause) {
    super(message, cause);
  }
}
