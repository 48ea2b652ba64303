package dev.drawbridge.client.io;

/** A board file could not be read or written; {@link #reason()} says why in a word. */
public final class BoardFileException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why, for the UI to explain. */
  public enum Reason {
    /** The file is not a Drawbridge board (other JSON, an image, garbage). */
    NOT_A_BOARD,
    /**
     * A Drawbridge board whose file is cut short or corrupted after its header (a copy that did not
     * finish, a disk error): it says so rather than "not a board".
     */
    DAMAGED,
    /** A board from a newer Drawbridge. */
    TOO_NEW,
    /** The file could not be read or written at all. */
    IO
  }

  private final Reason reason;

  public BoardFileException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
