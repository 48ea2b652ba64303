package dev.drawbridge.client.sync.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.protocol.blob.ImageHeader;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ImageRef;
import dev.drawbridge.protocol.op.Op;

/**
 * Images in the end-to-end tests: how the app adds one (bytes into the store first, then the op),
 * and the switch that keeps the blob tests from failing against a relay that stores no blobs yet.
 */
final class ImageOps {
  private ImageOps() {}

  /** Puts {@code png} into the session's store, then adds an image of it; call on its UI thread. */
  static String add(BoardSession session, String elementId, byte[] png) {
    String blob = session.blobs().put(png);
    ImageHeader header = ImageHeader.read(png).orElseThrow();
    ImageRef ref =
        new ImageRef(blob, header.format().mime(), (int) header.width(), (int) header.height());
    return session
        .board()
        .submit(new Op.AddElement(Element.ofImage(elementId, 0, 0, 200, 200, ref, 1)));
  }

  /**
   * Skips the calling test when the relay's welcome has no {@code maxBlobBytes}: relay-core stores
   * blobs (docs/protocol.md §16) only once the relay side of issue 15 is merged; from then on these
   * tests run by themselves. {@code client} must be synced.
   */
  static void assumeRelayStoresBlobs(TestClient client) {
    assumeTrue(
        client.holdsImages(),
        "this relay stores no blobs (R109): the relay side of issue 15 is not merged yet");
  }
}
