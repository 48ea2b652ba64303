package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.protocol.element.ImageRef;

/** Where a painter gets the picture of an image element at the resolution it draws it. */
@FunctionalInterface
public interface PictureSource {
  /** No pictures at all: every image is drawn as a placeholder. */
  PictureSource NONE = (ref, across, down) -> Picture.PENDING;

  /**
   * The picture of {@code ref} for a box of {@code pixelsAcross} × {@code pixelsDown} device
   * pixels. Call on the UI thread.
   */
  Picture picture(ImageRef ref, double pixelsAcross, double pixelsDown);
}
