package dev.drawbridge.client.io;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ImageRef;
import java.util.Base64;
import java.util.Optional;

/**
 * A picture (R107) in an SVG export: an {@code <image>} stretched over the element's box with the
 * file's bytes as a {@code data:} URI, so the SVG stands alone; a picture whose bytes are not on
 * this machine (or are not the picture named) is a grey placeholder box with a cross.
 */
final class SvgPictures {
  private SvgPictures() {}

  static String image(Element e, PictureSource pictures) {
    double[] b = e.bounds();
    double w = b[2] - b[0];
    double h = b[3] - b[1];
    String opacity =
        e.style().opacity() < 1 ? SvgExporter.fmt(" opacity=\"%s\"", e.style().opacity()) : "";
    ImageRef ref = e.image();
    Optional<byte[]> bytes = pictures.bytes(ref.blob());
    if (bytes.isEmpty() || PictureCheck.problem(ref.blob(), bytes.get(), ref.mime()) != null) {
      return placeholder(b[0], b[1], w, h, opacity);
    }
    return SvgExporter.fmt(
            "<image x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" preserveAspectRatio=\"none\"",
            b[0], b[1], w, h)
        + opacity
        + " href=\"data:"
        + ref.mime()
        + ";base64,"
        + Base64.getEncoder().encodeToString(bytes.get())
        + "\"/>";
  }

  private static String placeholder(double x, double y, double w, double h, String opacity) {
    return SvgExporter.fmt(
        "<g class=\"missing-picture\"%s><rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\""
            + " fill=\"#f1f3f5\" stroke=\"#868e96\" stroke-width=\"1\"/>"
            + "<path d=\"M %s %s L %s %s M %s %s L %s %s\" stroke=\"#adb5bd\""
            + " stroke-width=\"1\"/></g>",
        opacity, x, y, w, h, x, y, x + w, y + h, x + w, y, x, y + h);
  }
}
