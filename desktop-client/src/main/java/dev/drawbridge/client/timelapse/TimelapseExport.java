package dev.drawbridge.client.timelapse;

import dev.drawbridge.client.geom.DrawnConnectors;
import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.history.Timeline;
import dev.drawbridge.client.io.ExportArea;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.message.HistoryOp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Renders a history into a timelapse file, off the UI thread: replays the ops into its own {@link
 * Timeline} (the board's own one belongs to the UI thread), asks the renderer for each planned
 * frame and hands it to the sink. The file is written under a temporary name and moved into place
 * when complete, so a cancelled or failed export leaves nothing behind.
 */
public final class TimelapseExport {
  /** What to export. */
  public record Request(
      BoardSnapshot base, List<HistoryOp> ops, Rect region, double seconds, int fps, int maxSide) {
    public Request {
      ops = List.copyOf(ops);
    }

    /** The history of {@code timeline} as it is now; call on the timeline's thread. */
    public static Request of(Timeline timeline, Rect region, double seconds, int fps, int maxSide) {
      HistoryOp[] ops = new HistoryOp[timeline.size()];
      for (int i = 0; i < ops.length; i++) {
        ops[i] = timeline.op(i);
      }
      return new Request(timeline.base(), List.of(ops), region, seconds, fps, maxSide);
    }
  }

  /** Makes the sink for a file of frames {@code width} × {@code height}. */
  @FunctionalInterface
  public interface Sinks {
    FrameSink open(Path file, int width, int height, int fps) throws IOException;
  }

  /** Hears how many frames are done, on the export's thread. */
  @FunctionalInterface
  public interface Progress {
    void frames(int done, int total);
  }

  private TimelapseExport() {}

  /**
   * Writes the timelapse of {@code request} to {@code target}.
   *
   * @throws CancellationException when {@code cancelled} turned true (checked before each frame)
   */
  public static void write(
      Request request,
      Path target,
      Sinks sinks,
      FrameRenderer renderer,
      Progress progress,
      BooleanSupplier cancelled)
      throws IOException, InterruptedException {
    Timeline timeline = new Timeline(request.base());
    timeline.appendAll(request.ops());
    FramePlan plan = FramePlan.of(timeline.size(), request.seconds(), request.fps());
    Rect area = request.region() != null ? request.region() : wholeArea(timeline, plan);
    double scale = Math.min(request.maxSide() / area.width(), request.maxSide() / area.height());
    // Even sizes: video encoders work on 2×2 blocks of chroma.
    int width = Math.max(2, (int) Math.round(area.width() * scale / 2) * 2);
    int height = Math.max(2, (int) Math.round(area.height() * scale / 2) * 2);
    Path dir = target.toAbsolutePath().getParent();
    // Not createTempFile: its owner-only permissions would stay with the exported file.
    Path tmp = Files.createFile(dir.resolve(".timelapse-" + java.util.UUID.randomUUID() + ".part"));
    try {
      try (FrameSink sink = sinks.open(tmp, width, height, plan.fps())) {
        for (int i = 0; i < plan.frames(); i++) {
          if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("timelapse cancelled");
          }
          // A frame falling inside a user action shows the board before it (R129).
          int count = timeline.floorLanding(plan.counts()[i]);
          List<Element> elements = drawn(timeline.boardAt(count));
          sink.add(renderer.render(elements, area, width, height), plan.delayCentis(i));
          progress.frames(i + 1, plan.frames());
        }
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * The area that holds every frame: what is drawn at any of them, so a stroke deleted later or a
   * shape moved away still fits.
   */
  static Rect wholeArea(Timeline timeline, FramePlan plan) {
    Rect all = null;
    int previous = -1;
    for (int planned : plan.counts()) {
      int count = timeline.floorLanding(planned);
      if (count == previous) {
        continue;
      }
      previous = count;
      List<Element> drawn = drawn(timeline.boardAt(count));
      if (!drawn.isEmpty()) {
        Rect r = ExportArea.of(drawn);
        all = all == null ? r : all.union(r);
      }
    }
    return all != null ? all : ExportArea.of(List.of());
  }

  /** What a frame shows: the visible elements, connectors where the board draws them (R102). */
  private static List<Element> drawn(BoardState board) {
    return board.visibleElements().stream().map(e -> DrawnConnectors.drawn(e, board::get)).toList();
  }
}
