package dev.drawbridge.client.io;

import dev.drawbridge.protocol.blob.BlobIds;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ImageRef;
import java.util.Base64;

/** Small pictures for tests: a real 2 × 1 PNG (docs/protocol.md R110) and a decompression bomb. */
public final class TestPictures {
  /** A 2 × 1 PNG, 72 bytes. */
  public static final byte[] PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAD0lEQVR42mOQLDz0/81MAAtIA9Hrq9yZAAAAAElFTkSuQmCC");

  public static final String PNG_ID = BlobIds.of(PNG);

  private TestPictures() {}

  /** An image element showing {@link #PNG} over (x, y, w, h). */
  public static Element image(String id, double x, double y, double w, double h) {
    return Element.ofImage(id, x, y, w, h, new ImageRef(PNG_ID, "image/png", 2, 1), 1);
  }

  /** The first bytes of a PNG whose header claims 100,000 × 100,000 pixels (R115). */
  public static byte[] bomb() {
    byte[] b = PNG.clone();
    // IHDR width and height, big-endian, at 16 and 20.
    for (int at : new int[] {16, 20}) {
      b[at] = 0;
      b[at + 1] = 1;
      b[at + 2] = (byte) 0x86;
      b[at + 3] = (byte) 0xA0;
    }
    return b;
  }
}
