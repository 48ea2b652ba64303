package dev.drawbridge.protocol;

/** A frame that is not a valid protocol message. The only exception the codec's decoders throw. */
public final class ProtocolException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a frame was refused; the wire name is {@link #code()}. */
  public enum Reason {
    MALFORMED_JSON("malformed_json"),
    UNKNOWN_TYPE("unknown_type"),
    MISSING_FIELD("missing_field"),
    WRONG_TYPE("wrong_type"),
    INVALID_VALUE("invalid_value"),
    TOO_BIG("too_big"),
    TOO_DEEP("too_deep");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /** The machine-readable name used in {@code error} messages and close reasons. */
    public String code() {
      return code;
    }

    /** The close code the relay answers with: 4009 for oversized input, else 4002. */
    public int closeCode() {
      return this == TOO_BIG ? CloseCodes.TOO_BIG : CloseCodes.MALFORMED;
    }
  }

  private final Reason reason;

  public ProtocolException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ProtocolException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
