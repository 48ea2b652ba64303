package dev.drawbridge.protocol.validation;

/**
 * Thrown by message and element constructors when a field breaks a protocol rule. The codec turns
 * it into a {@code ProtocolException}; {@link #tooBig()} selects close code 4009.
 */
public final class InvalidFieldException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final boolean missing;
  private final boolean tooBig;

  InvalidFieldException(String field, String problem, boolean missing, boolean tooBig) {
    super(field + ": " + problem);
    this.field = field;
    this.missing = missing;
    this.tooBig = tooBig;
  }

  public String field() {
    return field;
  }

  public boolean missing() {
    return missing;
  }

  public boolean tooBig() {
    return tooBig;
  }
}
