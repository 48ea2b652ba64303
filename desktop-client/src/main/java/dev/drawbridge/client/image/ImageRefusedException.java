package dev.drawbridge.client.image;

/** A file that cannot become a picture on a board, with the reason the user is told. */
public final class ImageRefusedException extends Exception {
  /** Why, as a message key suffix ({@code image.refused.<reason>} in the bundles). */
  public enum Reason {
    /** Not a PNG, JPEG, GIF, BMP or WebP. */
    NOT_AN_IMAGE,
    /** The header claims more pixels than any real picture we accept: a decompression bomb. */
    TOO_MANY_PIXELS,
    /** The header was fine but the pixels could not be decoded (truncated, unsupported variant). */
    UNREADABLE,
    /** Even re-encoded as JPEG the picture is over the blob limit. */
    TOO_BIG;

    /** The bundle key of the message for this reason. */
    public String messageKey() {
      return "image.refused." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  private final Reason reason;

  public ImageRefusedException(Reason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  public ImageRefusedException(Reason reason, String detail, Throwable cause) {
    super(reason + ": " + detail, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
