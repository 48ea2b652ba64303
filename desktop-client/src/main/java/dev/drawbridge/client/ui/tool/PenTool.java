package dev.drawbridge.client.ui.tool;

import dev.drawbridge.client.geom.StrokeSmoother;
import dev.drawbridge.client.model.Ids;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.element.ZOrder;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.util.Arrays;
import java.util.Set;

/**
 * Freehand pen and highlighter. The stroke goes on the board at the first point (so others see it
 * start at once), then its points follow in AppendPoints batches at most every {@link
 * #BATCH_NANOS}; the whole stroke is one undo step.
 */
public final class PenTool implements Tool {
  /** ~30 batches a second: live for others, without an op per mouse event. */
  static final long BATCH_NANOS = 25_000_000L;

  /** Points closer than this many screen pixels to the previous one add nothing visible. */
  private static final double MIN_STEP_PX = 1.5;

  private final ToolContext ctx;
  private final boolean highlighter;
  private final StrokeSmoother smoother = new StrokeSmoother(0.55);
  private LocalBoard.Action action;
  private String elementId;
  private double originX;
  private double originY;
  private float[] buffer = new float[64];
  private int buffered;
  private int total;
  private long lastFlush;

  public PenTool(ToolContext ctx, boolean highlighter) {
    this.ctx = ctx;
    this.highlighter = highlighter;
  }

  @Override
  public ToolKind kind() {
    return highlighter ? ToolKind.HIGHLIGHTER : ToolKind.PEN;
  }

  /** The style a highlighter stroke gets: wide and translucent. */
  public static Style highlighterStyle(Style s) {
    return s.withWidth(Math.min(ProtocolLimits.MAX_STROKE_WIDTH, Math.max(12, s.width() * 5)))
        .withOpacity(Math.min(s.opacity(), 0.4));
  }

  @Override
  public void pressed(PointerInput p) {
    cancel();
    elementId = Ids.random();
    originX = p.x();
    originY = p.y();
    smoother.reset(p.x(), p.y());
    Style style = highlighter ? highlighterStyle(ctx.style()) : ctx.style();
    double z = ZOrder.above(ctx.board().view().topZ());
    Element element =
        Element.freehand(
                elementId,
                highlighter ? ElementKind.HIGHLIGHTER : ElementKind.STROKE,
                originX,
                originY,
                Points.of(0, 0),
                style,
                z)
            .withAuthor(ctx.author());
    action = ctx.board().beginAction();
    action.submit(new Op.AddElement(element));
    total = 1;
    buffered = 0;
    lastFlush = p.nanos();
    ctx.showLive(Set.of(elementId), 0, 0);
  }

  @Override
  public void dragged(PointerInput p) {
    if (action == null) {
      return;
    }
    double[] point = smoother.next(p.x(), p.y(), MIN_STEP_PX / ctx.scale());
    if (point != null) {
      add(point[0], point[1]);
    }
    if (p.nanos() - lastFlush >= BATCH_NANOS) {
      flush();
      lastFlush = p.nanos();
    }
  }

  @Override
  public void released(PointerInput p) {
    if (action == null) {
      return;
    }
    // The smoother lags behind the hand: end exactly where the pointer was lifted.
    add(p.x(), p.y());
    finish();
  }

  @Override
  public void cancel() {
    if (action != null) {
      finish();
    }
  }

  private void finish() {
    flush();
    action.end();
    action = null;
    elementId = null;
    ctx.clearLive();
  }

  private void add(double x, double y) {
    if (total + buffered >= ProtocolLimits.MAX_POINTS_PER_ELEMENT) {
      return;
    }
    if (buffered * 2 + 2 > buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    buffer[buffered * 2] = (float) (x - originX);
    buffer[buffered * 2 + 1] = (float) (y - originY);
    buffered++;
  }

  private void flush() {
    int start = 0;
    while (start < buffered) {
      int count = Math.min(buffered - start, ProtocolLimits.MAX_POINTS_PER_OP);
      float[] chunk = Arrays.copyOfRange(buffer, start * 2, (start + count) * 2);
      action.submit(new Op.AppendPoints(elementId, Points.of(chunk)));
      start += count;
    }
    total += buffered;
    buffered = 0;
  }
}
