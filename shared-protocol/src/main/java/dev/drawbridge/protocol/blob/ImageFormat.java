package dev.drawbridge.protocol.blob;

import java.util.Optional;

/** The image file formats a board may hold (R107), by their media type. */
public enum ImageFormat {
  PNG("image/png"),
  JPEG("image/jpeg"),
  GIF("image/gif"),
  BMP("image/bmp"),
  WEBP("image/webp");

  private final String mime;

  ImageFormat(String mime) {
    this.mime = mime;
  }

  /** The media type written in {@code image.mime} and in blob messages. */
  public String mime() {
    return mime;
  }

  /** The format whose media type is {@code mime}, if it is one of ours. */
  public static Optional<ImageFormat> ofMime(String mime) {
    for (ImageFormat format : values()) {
      if (format.mime.equals(mime)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
