package dev.drawbridge.client.ui.canvas;

import javafx.scene.image.Image;

/** What the canvas can draw for an image element now (R107, R115). */
public sealed interface Picture {
  /** Decoded, at the level asked for or a neighbouring one while that one decodes. */
  record Ready(Image image) implements Picture {}

  /** The bytes have not arrived, or are being decoded: a placeholder is drawn. */
  record Pending() implements Picture {}

  /** The bytes cannot be had or are not the picture they claim: a broken-picture mark. */
  record Broken() implements Picture {}

  Picture PENDING = new Pending();
  Picture BROKEN = new Broken();
}
