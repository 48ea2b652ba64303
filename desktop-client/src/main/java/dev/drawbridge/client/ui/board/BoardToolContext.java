package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.geom.SnapGuide;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.client.ui.canvas.BoardCanvas;
import dev.drawbridge.client.ui.tool.Selection;
import dev.drawbridge.client.ui.tool.ToolContext;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.util.List;
import java.util.Set;

/** What the tools see of the board screen: the board, style and selection, and the canvas. */
final class BoardToolContext implements ToolContext {
  private final BoardSession session;
  private final BoardViewModel vm;
  private final BoardCanvas canvas;
  private final InPlaceTextEditor textEditor;
  private LivePresence live;

  BoardToolContext(
      BoardSession session, BoardViewModel vm, BoardCanvas canvas, InPlaceTextEditor textEditor) {
    this.session = session;
    this.vm = vm;
    this.canvas = canvas;
    this.textEditor = textEditor;
  }

  @Override
  public LocalBoard board() {
    return session.board();
  }

  @Override
  public Style style() {
    return vm.style();
  }

  @Override
  public dev.drawbridge.protocol.element.Routing routing() {
    return vm.routing();
  }

  @Override
  public Selection selection() {
    return vm.selection();
  }

  @Override
  public double scale() {
    return canvas.viewport().scale();
  }

  @Override
  public String author() {
    return session.clientId();
  }

  @Override
  public List<String> elementsNear(Rect area) {
    return canvas.elementsNear(area);
  }

  @Override
  public void showLive(Set<String> ids, double dx, double dy) {
    canvas.showLive(ids, dx, dy);
  }

  @Override
  public void clearLive() {
    canvas.clearLive();
  }

  @Override
  public void hide(Set<String> ids) {
    canvas.hide(ids);
  }

  @Override
  public void previewChanged() {
    canvas.requestLive();
  }

  /** Where laser points go besides this canvas: the room (R90). */
  void setLivePresence(LivePresence presence) {
    live = presence;
  }

  @Override
  public void laser(double x, double y) {
    if (live != null) {
      live.laser(x, y);
    }
    double limit = ProtocolLimits.MAX_COORDINATE;
    canvas.addLaser(
        session.clientId(),
        vm.style().color(),
        Points.of(
            (float) Math.max(-limit, Math.min(limit, x)),
            (float) Math.max(-limit, Math.min(limit, y))));
  }

  @Override
  public boolean snapToGrid() {
    return vm.snapToGridProperty().get();
  }

  @Override
  public Rect visibleArea() {
    return canvas.visibleArea();
  }

  @Override
  public void showGuides(List<SnapGuide> guides) {
    canvas.showGuides(guides);
  }

  @Override
  public void editText(Element existing, double x, double y) {
    textEditor.start(existing, x, y);
  }

  @Override
  public void newNote(double x, double y) {
    textEditor.startNewNote(x, y);
  }
}
