package dev.drawbridge.client.ui.tool;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.geom.SnapGuide;
import dev.drawbridge.client.geom.SpatialIndex;
import dev.drawbridge.client.model.BoardListener;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.Style;
import java.util.List;
import java.util.Set;

/** A tool context without a screen: a real LocalBoard, a real index, recorded view calls. */
final class FakeToolContext implements ToolContext {
  final LocalBoard board = new LocalBoard();
  final Selection selection = new Selection();
  final SpatialIndex index = new SpatialIndex(256);
  Style style = Style.DEFAULT;
  double scale = 1;
  Set<String> live = Set.of();
  double liveDx;
  double liveDy;
  int previews;
  boolean snapToGrid;
  Rect visible = new Rect(-1e6, -1e6, 1e6, 1e6);
  List<SnapGuide> guides = List.of();
  Element editedText;
  double[] editedAt;
  double[] newNoteAt;

  FakeToolContext() {
    board.addListener(
        new BoardListener() {
          @Override
          public void elementsChanged(Set<String> ids) {
            for (String id : ids) {
              Element e = board.view().get(id);
              index.put(id, e == null || e.deleted() ? null : Rect.paintedBounds(e));
            }
          }
        });
  }

  /** Adds a filled rectangle above everything, as if drawn here. */
  void addFilledRect(String id, double x, double y, double w, double h) {
    board.submit(
        new dev.drawbridge.protocol.op.Op.AddElement(
            Element.shape(
                id,
                dev.drawbridge.protocol.element.ElementKind.RECTANGLE,
                x,
                y,
                w,
                h,
                Style.DEFAULT.withFill(true),
                board.view().topZ() + 1)));
  }

  @Override
  public LocalBoard board() {
    return board;
  }

  @Override
  public Style style() {
    return style;
  }

  @Override
  public Selection selection() {
    return selection;
  }

  @Override
  public double scale() {
    return scale;
  }

  @Override
  public String author() {
    return "me";
  }

  @Override
  public List<String> elementsNear(Rect area) {
    return index.query(area);
  }

  @Override
  public void showLive(Set<String> ids, double dx, double dy) {
    live = ids;
    liveDx = dx;
    liveDy = dy;
  }

  @Override
  public void clearLive() {
    live = Set.of();
  }

  Set<String> hidden = Set.of();

  @Override
  public void hide(Set<String> ids) {
    hidden = ids;
  }

  @Override
  public void previewChanged() {
    previews++;
  }

  @Override
  public boolean snapToGrid() {
    return snapToGrid;
  }

  @Override
  public Rect visibleArea() {
    return visible;
  }

  @Override
  public void showGuides(List<SnapGuide> shown) {
    guides = shown;
  }

  @Override
  public void newNote(double x, double y) {
    newNoteAt = new double[] {x, y};
  }

  @Override
  public void editText(Element existing, double x, double y) {
    editedText = existing;
    editedAt = new double[] {x, y};
  }

  static PointerInput at(double x, double y, long nanos) {
    return new PointerInput(x, y, false, 1, nanos);
  }

  static PointerInput shiftAt(double x, double y) {
    return new PointerInput(x, y, true, 1, 0);
  }
}
