package dev.drawbridge.client.io;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ImageRef;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pictures (R107) in a PDF export: each blob becomes one image XObject (JPEG kept as it is, other
 * formats re-encoded losslessly), drawn stretched over the element's box as many times as the board
 * shows it. Bytes that are missing, are not the picture named or do not decode are drawn as a
 * placeholder box, and their header is checked before any decoding (R115).
 */
final class PdfPictures {
  private static final Logger LOG = LoggerFactory.getLogger(PdfPictures.class);

  private final PDDocument doc;
  private final PictureSource source;
  // One XObject per blob; null marks a blob already found unusable.
  private final Map<String, PDImageXObject> objects = new HashMap<>();

  PdfPictures(PDDocument doc, PictureSource source) {
    this.doc = doc;
    this.source = source;
  }

  /** Draws {@code e}'s picture (or its placeholder) in board coordinates (y down). */
  void draw(PDPageContentStream cs, Element e) throws IOException {
    double[] b = e.bounds();
    float x = (float) b[0];
    float y = (float) b[1];
    float w = (float) (b[2] - b[0]);
    float h = (float) (b[3] - b[1]);
    PDImageXObject image = object(e.image());
    if (image == null) {
      placeholder(cs, x, y, w, h);
      return;
    }
    // The page's y axis is flipped to board coordinates: flip the image back so it stands upright.
    cs.drawImage(image, new Matrix(w, 0, 0, -h, x, y + h));
  }

  private PDImageXObject object(ImageRef ref) {
    if (objects.containsKey(ref.blob())) {
      return objects.get(ref.blob());
    }
    PDImageXObject made = null;
    Optional<byte[]> bytes = source.bytes(ref.blob());
    if (bytes.isPresent() && PictureCheck.problem(ref.blob(), bytes.get(), ref.mime()) == null) {
      try {
        made = decode(bytes.get(), ref);
      } catch (IOException | RuntimeException ex) {
        LOG.info("Picture {} is drawn as a placeholder: {}", ref.blob(), ex.getMessage());
      }
    }
    objects.put(ref.blob(), made);
    return made;
  }

  private PDImageXObject decode(byte[] bytes, ImageRef ref) throws IOException {
    if ("image/jpeg".equals(ref.mime()) || "image/png".equals(ref.mime())) {
      return PDImageXObject.createFromByteArray(doc, bytes, ref.blob());
    }
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes));
    if (decoded == null) {
      throw new IOException("no decoder for " + ref.mime());
    }
    return LosslessFactory.createFromImage(doc, decoded);
  }

  private static void placeholder(PDPageContentStream cs, float x, float y, float w, float h)
      throws IOException {
    cs.setNonStrokingColor(0xf1 / 255f, 0xf3 / 255f, 0xf5 / 255f);
    cs.setStrokingColor(0x86 / 255f, 0x8e / 255f, 0x96 / 255f);
    cs.setLineWidth(1);
    cs.addRect(x, y, w, h);
    cs.fillAndStroke();
    cs.moveTo(x, y);
    cs.lineTo(x + w, y + h);
    cs.moveTo(x + w, y);
    cs.lineTo(x, y + h);
    cs.stroke();
  }
}
