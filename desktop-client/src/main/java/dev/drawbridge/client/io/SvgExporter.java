package dev.drawbridge.client.io;

import dev.drawbridge.client.geom.ArrowHead;
import dev.drawbridge.client.geom.BoardTypeface;
import dev.drawbridge.client.geom.DrawnConnectors;
import dev.drawbridge.client.geom.NoteLayout;
import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.protocol.board.Connectors;
import dev.drawbridge.protocol.element.Dash;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.element.ZOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes elements as a standalone SVG document, one vector element per board element; pictures
 * (R107) are embedded as {@code data:} URIs ({@link SvgPictures}).
 */
public final class SvgExporter {
  private static final double LINE_HEIGHT = 1.25;

  public void export(List<Element> elements, Path file) throws BoardFileException {
    export(elements, PictureSource.NONE, file);
  }

  /** Writes {@code elements} to {@code file}, pictures' bytes taken from {@code pictures}. */
  public void export(List<Element> elements, PictureSource pictures, Path file)
      throws BoardFileException {
    try {
      Files.writeString(file, toSvg(elements, pictures), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BoardFileException(BoardFileException.Reason.IO, e.getMessage(), e);
    }
  }

  public String toSvg(List<Element> elements) {
    return toSvg(elements, PictureSource.NONE);
  }

  /** The SVG document of {@code elements}, pictures' bytes taken from {@code pictures}. */
  public String toSvg(List<Element> elements, PictureSource pictures) {
    List<Element> sorted = new ArrayList<>(elements);
    sorted.removeIf(Element::deleted);
    sorted.sort(ZOrder.PAINT_ORDER);
    Rect area = ExportArea.of(sorted);
    StringBuilder out = new StringBuilder();
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append(
        fmt(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%s\" height=\"%s\""
                + " viewBox=\"%s %s %s %s\">\n",
            area.width(), area.height(), area.minX(), area.minY(), area.width(), area.height()));
    out.append(
        fmt(
            "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"#ffffff\"/>\n",
            area.minX(), area.minY(), area.width(), area.height()));
    for (Element e : sorted) {
      out.append(e.hasImage() ? SvgPictures.image(e, pictures) : element(e)).append('\n');
    }
    out.append("</svg>\n");
    return out.toString();
  }

  private String element(Element e) {
    Style s = e.style();
    double alpha = s.opacity() * alpha(s.color());
    // Opacity only when below 1: some renderers (ImageMagick's) mishandle it next to fill="none".
    String stroke =
        fmt(
                " stroke=\"%s\" stroke-width=\"%s\" stroke-linecap=\"round\""
                    + " stroke-linejoin=\"round\"",
                rgb(s.color()), s.width())
            + (alpha < 1 ? fmt(" stroke-opacity=\"%s\"", alpha) : "");
    String outline = Dash.appliesTo(e) ? stroke + dashArray(e) : stroke;
    double x = e.x();
    double y = e.y();
    return switch (e.kind()) {
      case STROKE, HIGHLIGHTER -> freehand(e.points(), x, y, s, outline);
      case LINE, ARROW -> connector(e, stroke, outline);
      case RECTANGLE ->
          fmt("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"", x, y, e.w(), e.h())
              + fill(s)
              + outline
              + "/>";
      case ELLIPSE ->
          fmt(
                  "<ellipse cx=\"%s\" cy=\"%s\" rx=\"%s\" ry=\"%s\"",
                  x + e.w() / 2, y + e.h() / 2, Math.abs(e.w() / 2), Math.abs(e.h() / 2))
              + fill(s)
              + outline
              + "/>";
      case TEXT -> e.isNote() ? note(e) : text(e);
    };
  }

  /**
   * A line or arrow along its route (straight or elbow, R103), its elements' x, y, w, h already at
   * the drawn ends (the caller resolves bindings, R102), with its label at the middle (R104).
   */
  private String connector(Element e, String stroke, String outline) {
    Style s = e.style();
    double[] r = Connectors.route(e, new double[] {e.x(), e.y(), e.x() + e.w(), e.y() + e.h()});
    StringBuilder d = new StringBuilder(fmt("M %s %s", r[0], r[1]));
    for (int i = 2; i < r.length; i += 2) {
      d.append(fmt(" L %s %s", r[i], r[i + 1]));
    }
    int n = r.length;
    // A dashed arrow's head is its own solid path (R125).
    String head = "";
    if (e.kind() == ElementKind.ARROW) {
      double[] b = ArrowHead.barbs(r[n - 4], r[n - 3], r[n - 2], r[n - 1], s.width());
      String barbs = fmt(" M %s %s L %s %s L %s %s", b[0], b[1], r[n - 2], r[n - 1], b[2], b[3]);
      if (s.dash() == null) {
        d.append(barbs);
      } else {
        head = "<path d=\"" + barbs.strip() + "\" fill=\"none\"" + stroke + "/>";
      }
    }
    String out =
        (n == 4 && e.kind() == ElementKind.LINE
                ? fmt("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"", r[0], r[1], r[2], r[3])
                    + outline
                    + "/>"
                : "<path d=\"" + d + "\" fill=\"none\"" + outline + "/>")
            + head;
    if (e.label() == null) {
      return out;
    }
    double[] mid = Connectors.midpoint(r);
    double[] size = DrawnConnectors.labelSize(e);
    double fs = DrawnConnectors.labelFontSize(e);
    StringBuilder label =
        new StringBuilder(
            fmt(
                "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"#ffffff\"/>",
                mid[0] - size[0] / 2 - 3, mid[1] - size[1] / 2 - 2, size[0] + 6, size[1] + 4));
    label.append(
        fmt(
            "<text font-family=\"%s\" font-size=\"%s\" fill=\"%s\" stroke=\"none\""
                + " text-anchor=\"middle\" xml:space=\"preserve\">",
            BoardTypeface.SVG_FAMILY, fs, rgb(s.color())));
    String[] lines = e.label().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      double baseline = mid[1] - size[1] / 2 + i * fs * LINE_HEIGHT + fs * BoardTypeface.ASCENT;
      label.append(fmt("<tspan x=\"%s\" y=\"%s\">", mid[0], baseline));
      label.append(escape(lines[i])).append("</tspan>");
    }
    return out + label.append("</text>");
  }

  private String freehand(Points p, double x, double y, Style s, String stroke) {
    if (p.isEmpty()) {
      return "";
    }
    if (p.size() == 1) {
      return fmt(
          "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\" fill-opacity=\"%s\"/>",
          x + p.x(0), y + p.y(0), Math.max(s.width(), 1) / 2, rgb(s.color()), s.opacity());
    }
    StringBuilder d = new StringBuilder(fmt("M %s %s", x + p.x(0), y + p.y(0)));
    for (int i = 1; i < p.size() - 1; i++) {
      double mx = (p.x(i) + p.x(i + 1)) / 2;
      double my = (p.y(i) + p.y(i + 1)) / 2;
      d.append(fmt(" Q %s %s %s %s", x + p.x(i), y + p.y(i), x + mx, y + my));
    }
    d.append(fmt(" L %s %s", x + p.x(p.size() - 1), y + p.y(p.size() - 1)));
    return "<path d=\"" + d + "\" fill=\"none\"" + stroke + "/>";
  }

  private String text(Element e) {
    Style s = e.style();
    String[] lines = (e.text() == null ? "" : e.text()).split("\n", -1);
    StringBuilder out =
        new StringBuilder(
            fmt(
                "<text font-family=\"%s\" font-size=\"%s\" fill=\"%s\" stroke=\"none\" fill-opacity=\"%s\""
                    + " xml:space=\"preserve\">",
                BoardTypeface.SVG_FAMILY, s.fontSize(), rgb(s.color()), s.opacity()));
    for (int i = 0; i < lines.length; i++) {
      // Each baseline the font's ascent below its line's top, as on the canvas (explicit rather
      // than dominant-baseline, which is not read everywhere).
      double baseline =
          e.y() + i * s.fontSize() * LINE_HEIGHT + s.fontSize() * BoardTypeface.ASCENT;
      out.append(fmt("<tspan x=\"%s\" y=\"%s\">", e.x(), baseline));
      out.append(escape(lines[i])).append("</tspan>");
    }
    return out.append("</text>").toString();
  }

  /** A sticky note (R95, R96): its paper, an edge, and the fitted lines centred in its ink. */
  private String note(Element e) {
    Style s = e.style();
    NoteLayout layout = NoteLayout.of(e);
    double size = layout.fontSize();
    StringBuilder out =
        new StringBuilder(
            fmt(
                "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\" fill-opacity=\"%s\""
                    + " stroke=\"#000000\" stroke-opacity=\"0.15\" stroke-width=\"1\"/>",
                e.x(), e.y(), e.w(), e.h(), rgb(s.color()), s.opacity()));
    out.append(
        fmt(
            "<text class=\"note\" font-family=\"%s\" font-size=\"%s\" fill=\"%s\" stroke=\"none\""
                + " fill-opacity=\"%s\" text-anchor=\"middle\" xml:space=\"preserve\">",
            BoardTypeface.SVG_FAMILY, size, NoteLayout.inkFor(s.color()), s.opacity()));
    double cx = e.x() + e.w() / 2;
    for (int i = 0; i < layout.lines().size(); i++) {
      double baseline =
          layout.top() + i * size * NoteLayout.LINE_HEIGHT + size * BoardTypeface.ASCENT;
      out.append(fmt("<tspan x=\"%s\" y=\"%s\">", cx, baseline));
      out.append(escape(layout.lines().get(i))).append("</tspan>");
    }
    return out.append("</text>").toString();
  }

  /** {@code stroke-dasharray} for a dashed or dotted outline (R125), or nothing. */
  private static String dashArray(Element e) {
    if (e.style().dash() == null) {
      return "";
    }
    double[] pattern = e.style().dash().patternFor(e);
    return fmt(" stroke-dasharray=\"%s %s\"", pattern[0], pattern[1]);
  }

  private static String fill(Style s) {
    double alpha = s.opacity() * alpha(s.color());
    if (!s.fill()) {
      return " fill=\"none\"";
    }
    return " fill=\""
        + rgb(s.color())
        + "\""
        + (alpha < 1 ? fmt(" fill-opacity=\"%s\"", alpha) : "");
  }

  private static String rgb(String color) {
    return color.substring(0, 7);
  }

  private static double alpha(String color) {
    return color.length() == 9 ? Integer.parseInt(color.substring(7), 16) / 255.0 : 1;
  }

  /** XML-escapes text, dropping characters XML 1.0 cannot carry. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                  if (c == 0x9 || c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.toString();
  }

  static String fmt(String pattern, Object... args) {
    Object[] shown = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      shown[i] = args[i] instanceof Double d ? number(d) : args[i];
    }
    return String.format(Locale.ROOT, pattern, shown);
  }

  private static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
