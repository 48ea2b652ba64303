package dev.drawbridge.client.clipboard;

/** Clipboard content that is not pasted; {@link #reason()} says why in a word for the UI. */
public final class ClipRefused extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why, for the message the user sees. */
  public enum Reason {
    /** Not Drawbridge clipboard JSON, or JSON of the wrong shape. */
    MALFORMED,
    /** Written by a newer Drawbridge (a version this app does not know). */
    TOO_NEW,
    /** More text, elements or picture bytes than a paste may bring. */
    TOO_BIG,
    /** Elements the protocol refuses (bad values, duplicate ids). */
    INVALID,
    /** Picture bytes that are not the picture they claim to be. */
    BAD_PICTURE
  }

  private final Reason reason;

  public ClipRefused(Reason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
