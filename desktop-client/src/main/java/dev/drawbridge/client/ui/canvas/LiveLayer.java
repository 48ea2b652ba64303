package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.geom.DrawnConnectors;
import dev.drawbridge.client.geom.SnapGuide;
import dev.drawbridge.client.geom.Viewport;
import dev.drawbridge.client.ui.tool.Selection;
import dev.drawbridge.client.ui.tool.ToolPreview;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;

/**
 * What is painted over the tiles, all of it again each frame it is needed: others' growing strokes
 * on sprites of their own ({@link GrowingSprites}), then the {@link LiveOverlay} with what is being
 * drawn or moved here, the tool's preview, the selection and others' cursors.
 */
final class LiveLayer {
  private final Supplier<BoardState> board;
  private final ElementLayers layers;
  private final Selection selection;
  private final Canvas canvas = new Canvas();
  private final GrowingSprites sprites = new GrowingSprites();
  private final LiveOverlay overlay = new LiveOverlay(canvas);
  private final Map<String, RemoteCursor> cursors = new LinkedHashMap<>();
  private final LaserTrails lasers = new LaserTrails();
  private List<RemoteSelection> remoteSelections = List.of();
  private List<RemoteDraft> drafts = List.of();
  private Supplier<ToolPreview> preview = () -> ToolPreview.NONE;
  private List<SnapGuide> guides = List.of();

  LiveLayer(Supplier<BoardState> board, ElementLayers layers, Selection selection) {
    this.board = board;
    this.layers = layers;
    this.selection = selection;
    canvas.setManaged(false);
    canvas.setMouseTransparent(true);
  }

  /** Where image elements on this layer get their pictures. */
  void setPictures(PictureSource source) {
    overlay.setPictures(source);
  }

  /** The sprites under the overlay. */
  List<Node> nodes() {
    return List.of(sprites.node(), canvas);
  }

  void setPreviewSource(Supplier<ToolPreview> source) {
    preview = source;
  }

  void setGuides(List<SnapGuide> shown) {
    guides = List.copyOf(shown);
  }

  void setCursors(Collection<RemoteCursor> remote) {
    cursors.clear();
    remote.forEach(c -> cursors.put(c.clientId(), c));
  }

  List<RemoteCursor> cursors() {
    return List.copyOf(cursors.values());
  }

  void setRemoteSelections(Collection<RemoteSelection> selections) {
    remoteSelections = List.copyOf(selections);
  }

  List<RemoteSelection> remoteSelections() {
    return remoteSelections;
  }

  void setDrafts(Collection<RemoteDraft> shown) {
    drafts = List.copyOf(shown);
  }

  List<RemoteDraft> drafts() {
    return drafts;
  }

  LaserTrails lasers() {
    return lasers;
  }

  /** Paints a frame; true while laser trails are still fading (the next pulse repaints). */
  boolean paint(Viewport viewport, double width, double height, boolean dark, long now) {
    overlay.resize(width, height);
    BoardState view = board.get();
    sprites.paint(
        layers.growingIds(),
        view,
        layers::bounds,
        layers.hiddenIds(),
        viewport,
        width,
        height,
        dark);
    ToolPreview shown = preview.get();
    overlay.paint(
        new LiveOverlay.Frame(
            viewport,
            view,
            layers.liveIds(),
            layers.liveDx(),
            layers.liveDy(),
            layers.hiddenIds(),
            shown,
            selection.ordered(),
            cursors.values(),
            guides,
            remoteSelections,
            drafts,
            lasers,
            now,
            dark,
            layers.liveFollowers(),
            liveLookup(view, shown)));
    return lasers.prune(now);
  }

  /**
   * The board as this frame shows it, for the connectors that follow a gesture (R102): live
   * elements shifted by the drag, and an element a tool previews in place of itself (a resize) as
   * the preview shows it.
   */
  private java.util.function.Function<String, Element> liveLookup(
      BoardState view, ToolPreview shown) {
    Set<String> live = layers.liveIds();
    double dx = layers.liveDx();
    double dy = layers.liveDy();
    Element stand = shown instanceof ToolPreview.Shape s ? s.element() : null;
    return id -> {
      if (stand != null && stand.id().equals(id)) {
        return stand;
      }
      Element e = view.get(id);
      return e != null && live.contains(id) ? DrawnConnectors.shifted(e, dx, dy) : e;
    };
  }
}
