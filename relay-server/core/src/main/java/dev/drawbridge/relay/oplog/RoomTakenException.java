package dev.drawbridge.relay.oplog;

/**
 * A shared log refused a write because another relay has claimed the room since ({@link
 * OpLog#claim}): not a storage failure, the room moved. Its members go to the room's relay (1012).
 */
public final class RoomTakenException extends OpLogException {
  private static final long serialVersionUID = 1L;

  public RoomTakenException(String message) {
    super(message, null);
  }
}
