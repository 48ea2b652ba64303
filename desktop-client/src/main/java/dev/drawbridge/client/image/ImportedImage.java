package dev.drawbridge.client.image;

import dev.drawbridge.protocol.blob.ImageFormat;
import dev.drawbridge.protocol.element.ImageRef;

/**
 * A picture ready to be a blob (R107): its file bytes, what they are and their pixel size.
 *
 * @param bytes the file to upload, at most {@link ImageImport#MAX_BYTES}
 * @param format PNG, JPEG or WebP (GIF and BMP are converted to PNG)
 * @param width pixels across, 1..4096
 * @param height pixels down, 1..4096
 */
public record ImportedImage(byte[] bytes, ImageFormat format, int width, int height) {
  /** The element's picture once {@code bytes} are stored under {@code blobId}. */
  public ImageRef ref(String blobId) {
    return new ImageRef(blobId, format.mime(), width, height);
  }
}
