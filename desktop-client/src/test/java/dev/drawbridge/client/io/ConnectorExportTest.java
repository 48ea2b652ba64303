package dev.drawbridge.client.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.geom.DrawnConnectors;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Binding;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Routing;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports draw a connector where the board does: at its target, elbowed, labelled (R102–R104). */
class ConnectorExportTest {
  @TempDir Path dir;

  private static List<Element> drawnBoard() {
    BoardState board = new BoardState();
    board.apply(
        1,
        "a",
        new Op.AddElement(
            Element.shape("box", ElementKind.RECTANGLE, 200, 100, 100, 100, Style.DEFAULT, 1)));
    board.apply(
        2,
        "b",
        new Op.AddElement(
            Element.shape("arr", ElementKind.ARROW, 0, 0, 10, 10, Style.DEFAULT, 2)
                .withBindings(null, Binding.to("box", 0, 0.5))
                .withRoutingAndLabel(Routing.ELBOW, "calls")));
    return board.visibleElements().stream().map(e -> DrawnConnectors.drawn(e, board::get)).toList();
  }

  @Test
  void svgDrawsTheElbowToTheTargetAndTheLabel() {
    String svg = new SvgExporter().toSvg(drawnBoard());
    // Elbow from (0, 0) across to x 100, down to y 150, across to the box's left edge (200, 150).
    assertThat(svg).contains("M 0 0 L 100 0 L 100 150 L 200 150");
    assertThat(svg).contains(">calls</tspan>");
  }

  @Test
  void pdfExportsAConnectorWithItsLabel() throws Exception {
    Path file = dir.resolve("c.pdf");
    new PdfExporter().export(drawnBoard(), file);
    assertThat(Files.size(file)).isGreaterThan(500);
  }
}
