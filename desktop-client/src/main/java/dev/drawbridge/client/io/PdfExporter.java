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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * Writes elements to a one-page PDF as vector paths (PDFBox), pictures as image XObjects ({@link
 * PdfPictures}). The page is the export area in board units (1 unit = 1 pt); the y axis is flipped
 * once so board coordinates are used as they are.
 */
public final class PdfExporter {
  private static final double KAPPA = 0.5522847498;
  private static final double LINE_HEIGHT = 1.25;

  public void export(List<Element> elements, Path file) throws BoardFileException {
    export(elements, PictureSource.NONE, file);
  }

  /** Writes {@code elements} to {@code file}, pictures' bytes taken from {@code source}. */
  public void export(List<Element> elements, PictureSource source, Path file)
      throws BoardFileException {
    List<Element> sorted = new ArrayList<>(elements);
    sorted.removeIf(Element::deleted);
    sorted.sort(ZOrder.PAINT_ORDER);
    Rect area = ExportArea.of(sorted);
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(new PDRectangle((float) area.width(), (float) area.height()));
      doc.addPage(page);
      PdfLettering lettering =
          PdfLettering.forTexts(
              doc,
              sorted.stream()
                  .flatMap(e -> java.util.stream.Stream.of(e.text(), e.label()))
                  .filter(t -> t != null && !t.isEmpty())
                  .toList());
      PdfPictures pictures = new PdfPictures(doc, source);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        // Board coordinates: origin at the area's top-left, y down.
        cs.transform(new Matrix(1, 0, 0, -1, (float) -area.minX(), (float) area.maxY()));
        for (Element e : sorted) {
          draw(cs, e, lettering, pictures);
        }
      }
      doc.save(file.toFile());
    } catch (IOException e) {
      throw new BoardFileException(BoardFileException.Reason.IO, e.getMessage(), e);
    }
  }

  private void draw(PDPageContentStream cs, Element e, PdfLettering lettering, PdfPictures pictures)
      throws IOException {
    Style s = e.style();
    cs.saveGraphicsState();
    PDExtendedGraphicsState alpha = new PDExtendedGraphicsState();
    alpha.setStrokingAlphaConstant((float) s.opacity());
    alpha.setNonStrokingAlphaConstant((float) s.opacity());
    cs.setGraphicsStateParameters(alpha);
    float[] rgb = rgb(s.color());
    cs.setStrokingColor(rgb[0], rgb[1], rgb[2]);
    cs.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
    cs.setLineWidth((float) Math.max(s.width(), 0.5));
    cs.setLineCapStyle(1);
    cs.setLineJoinStyle(1);
    if (s.dash() != null && Dash.appliesTo(e)) {
      double[] pattern = s.dash().patternFor(e); // R125: outlines only
      cs.setLineDashPattern(new float[] {(float) pattern[0], (float) pattern[1]}, 0);
    }
    float x = (float) e.x();
    float y = (float) e.y();
    switch (e.kind()) {
      case STROKE, HIGHLIGHTER -> freehand(cs, e.points(), x, y, s);
      case LINE, ARROW -> connector(cs, e, lettering);
      case RECTANGLE -> {
        if (e.hasImage()) {
          pictures.draw(cs, e);
        } else {
          cs.addRect(x, y, (float) e.w(), (float) e.h());
          paintClosed(cs, s);
        }
      }
      case ELLIPSE -> {
        ellipse(cs, x + e.w() / 2, y + e.h() / 2, Math.abs(e.w() / 2), Math.abs(e.h() / 2));
        paintClosed(cs, s);
      }
      case TEXT -> {
        if (e.isNote()) {
          note(cs, e, lettering);
        } else {
          text(cs, e, lettering);
        }
      }
    }
    cs.restoreGraphicsState();
  }

  private static void paintClosed(PDPageContentStream cs, Style s) throws IOException {
    if (s.fill()) {
      cs.fillAndStroke();
    } else {
      cs.stroke();
    }
  }

  private static void freehand(PDPageContentStream cs, Points p, float x, float y, Style s)
      throws IOException {
    int n = p.size();
    if (n == 0) {
      return;
    }
    if (n == 1) {
      double r = Math.max(s.width(), 1) / 2;
      ellipse(cs, x + p.x(0), y + p.y(0), r, r);
      cs.fill();
      return;
    }
    double cx = x + p.x(0);
    double cy = y + p.y(0);
    cs.moveTo((float) cx, (float) cy);
    for (int i = 1; i < n - 1; i++) {
      double qx = x + p.x(i);
      double qy = y + p.y(i);
      double ex = x + (p.x(i) + p.x(i + 1)) / 2.0;
      double ey = y + (p.y(i) + p.y(i + 1)) / 2.0;
      // The screen's quadratic segment, as the cubic PDF needs.
      cs.curveTo(
          (float) (cx + 2.0 / 3 * (qx - cx)),
          (float) (cy + 2.0 / 3 * (qy - cy)),
          (float) (ex + 2.0 / 3 * (qx - ex)),
          (float) (ey + 2.0 / 3 * (qy - ey)),
          (float) ex,
          (float) ey);
      cx = ex;
      cy = ey;
    }
    cs.lineTo(x + p.x(n - 1), y + p.y(n - 1));
    cs.stroke();
  }

  private static void ellipse(PDPageContentStream cs, double cx, double cy, double rx, double ry)
      throws IOException {
    double ox = rx * KAPPA;
    double oy = ry * KAPPA;
    cs.moveTo((float) (cx - rx), (float) cy);
    cs.curveTo(
        (float) (cx - rx),
        (float) (cy - oy),
        (float) (cx - ox),
        (float) (cy - ry),
        (float) cx,
        (float) (cy - ry));
    cs.curveTo(
        (float) (cx + ox),
        (float) (cy - ry),
        (float) (cx + rx),
        (float) (cy - oy),
        (float) (cx + rx),
        (float) cy);
    cs.curveTo(
        (float) (cx + rx),
        (float) (cy + oy),
        (float) (cx + ox),
        (float) (cy + ry),
        (float) cx,
        (float) (cy + ry));
    cs.curveTo(
        (float) (cx - ox),
        (float) (cy + ry),
        (float) (cx - rx),
        (float) (cy + oy),
        (float) (cx - rx),
        (float) cy);
    cs.closePath();
  }

  /** A line or arrow at its drawn ends along its route (R102, R103), with its label (R104). */
  private static void connector(PDPageContentStream cs, Element e, PdfLettering lettering)
      throws IOException {
    double[] r = Connectors.route(e, new double[] {e.x(), e.y(), e.x() + e.w(), e.y() + e.h()});
    int n = r.length;
    cs.moveTo((float) r[0], (float) r[1]);
    for (int i = 2; i < n; i += 2) {
      cs.lineTo((float) r[i], (float) r[i + 1]);
    }
    if (e.kind() == ElementKind.ARROW) {
      double[] b = ArrowHead.barbs(r[n - 4], r[n - 3], r[n - 2], r[n - 1], e.style().width());
      if (e.style().dash() != null) {
        // The head stays solid on a dashed arrow (R125).
        cs.stroke();
        cs.setLineDashPattern(new float[0], 0);
      }
      cs.moveTo((float) b[0], (float) b[1]);
      cs.lineTo((float) r[n - 2], (float) r[n - 1]);
      cs.lineTo((float) b[2], (float) b[3]);
    }
    cs.stroke();
    if (e.label() == null) {
      return;
    }
    double[] mid = Connectors.midpoint(r);
    double[] size = DrawnConnectors.labelSize(e);
    float fs = (float) DrawnConnectors.labelFontSize(e);
    cs.saveGraphicsState();
    cs.setNonStrokingColor(1f, 1f, 1f);
    cs.addRect(
        (float) (mid[0] - size[0] / 2 - 3),
        (float) (mid[1] - size[1] / 2 - 2),
        (float) size[0] + 6,
        (float) size[1] + 4);
    cs.fill();
    cs.restoreGraphicsState();
    String[] lines = e.label().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      float width = lettering.width(lines[i], fs);
      float baseline =
          (float) (mid[1] - size[1] / 2 + i * fs * LINE_HEIGHT + fs * BoardTypeface.ASCENT);
      lettering.show(cs, lines[i], fs, (float) mid[0] - width / 2, baseline);
    }
  }

  private static void text(PDPageContentStream cs, Element e, PdfLettering lettering)
      throws IOException {
    float size = (float) e.style().fontSize();
    String[] lines = (e.text() == null ? "" : e.text()).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      // Each baseline the font's ascent below its line's top, as on the canvas.
      float baseline = (float) (e.y() + i * size * LINE_HEIGHT + size * BoardTypeface.ASCENT);
      lettering.show(cs, lines[i], size, (float) e.x(), baseline);
    }
  }

  /** A sticky note (R95, R96): its paper, and the fitted lines centred in its ink. */
  private static void note(PDPageContentStream cs, Element e, PdfLettering lettering)
      throws IOException {
    cs.addRect((float) e.x(), (float) e.y(), (float) e.w(), (float) e.h());
    cs.fill();
    NoteLayout layout = NoteLayout.of(e);
    float size = (float) layout.fontSize();
    float[] ink = rgb(NoteLayout.inkFor(e.style().color()));
    cs.setNonStrokingColor(ink[0], ink[1], ink[2]);
    double cx = e.x() + e.w() / 2;
    for (int i = 0; i < layout.lines().size(); i++) {
      String line = layout.lines().get(i);
      float width = lettering.width(line, size);
      float baseline =
          (float) (layout.top() + i * size * NoteLayout.LINE_HEIGHT + size * BoardTypeface.ASCENT);
      lettering.show(cs, line, size, (float) (cx - width / 2), baseline);
    }
  }

  private static float[] rgb(String color) {
    return new float[] {
      Integer.parseInt(color.substring(1, 3), 16) / 255f,
      Integer.parseInt(color.substring(3, 5), 16) / 255f,
      Integer.parseInt(color.substring(5, 7), 16) / 255f
    };
  }
}
