package dev.drawbridge.relay.it;

import dev.drawbridge.protocol.blob.BlobChunks;
import dev.drawbridge.protocol.blob.BlobIds;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ImageRef;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Real image files for blob tests (R107–R113), made with javax.imageio, and the client's side of an
 * upload, a fetch and an image add.
 */
final class TestImages {
  private TestImages() {}

  /**
   * A PNG of random pixels: {@code w × h × 3} bytes or a little more, since noise will not pack.
   */
  static byte[] noisePng(int w, int h, long seed) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, random.nextInt());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  /** Sends {@code bytes} as {@code blob_put} chunks, in order, named by their SHA-256. */
  static String upload(TestPeer peer, byte[] bytes, String mime) {
    return upload(peer, BlobIds.of(bytes), bytes, mime);
  }

  /** Sends {@code bytes} as the chunks of a blob called {@code blob} (right or not). */
  static String upload(TestPeer peer, String blob, byte[] bytes, String mime) {
    for (BlobChunks.Chunk c : BlobChunks.of(bytes)) {
      peer.send(put(blob, mime, bytes.length, c.offset(), c.data()));
    }
    return blob;
  }

  static ClientMessage.BlobPut put(String blob, String mime, long size, long offset, byte[] data) {
    return new ClientMessage.BlobPut(blob, mime, size, offset, data);
  }

  /** Asks for {@code blob} and puts its chunks together; they must come in order (R112). */
  static byte[] fetch(TestPeer peer, String blob) throws InterruptedException {
    peer.send(new ClientMessage.BlobGet(blob));
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    while (true) {
      ServerMessage.BlobData d = peer.nextOf(ServerMessage.BlobData.class);
      if (d.blob().equals(blob)) {
        if (d.offset() != got.size()) {
          throw new AssertionError("chunk at " + d.offset() + " after " + got.size() + " bytes");
        }
        got.write(d.data(), 0, d.data().length);
        if (got.size() == d.size()) {
          return got.toByteArray();
        }
      }
    }
  }

  /** An add of an image element showing {@code blob}. */
  static ClientMessage.SubmitOp imageAdd(String opId, String elementId, String blob, int w, int h) {
    ImageRef ref = new ImageRef(blob, "image/png", w, h);
    return new ClientMessage.SubmitOp(
        opId, new Op.AddElement(Element.ofImage(elementId, 10, 10, w, h, ref, 1)));
  }
}
