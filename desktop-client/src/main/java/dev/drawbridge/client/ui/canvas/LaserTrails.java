package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.geom.Viewport;
import dev.drawbridge.protocol.element.Points;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * Laser pointer trails, this user's and others' (R90): each point fades out {@link #FADE_NANOS}
 * after it arrived and is then dropped. Bounded whatever arrives: at most {@link #MAX_POINTS}
 * points per person and {@link #MAX_TRAILS} people, the oldest going first.
 */
final class LaserTrails {
  static final long FADE_NANOS = 1_000_000_000L;
  static final int MAX_POINTS = 256;
  static final int MAX_TRAILS = 64;

  private record Dot(double x, double y, long t) {}

  private static final class Trail {
    Color color;
    final Deque<Dot> dots = new ArrayDeque<>();
  }

  private final Map<String, Trail> trails = new LinkedHashMap<>();

  void add(String clientId, Color color, Points points, long now) {
    Trail trail = trails.get(clientId);
    if (trail == null) {
      if (trails.size() >= MAX_TRAILS) {
        Iterator<String> oldest = trails.keySet().iterator();
        oldest.next();
        oldest.remove();
      }
      trail = new Trail();
      trails.put(clientId, trail);
    }
    trail.color = color;
    for (int i = 0; i < points.size(); i++) {
      trail.dots.addLast(new Dot(points.x(i), points.y(i), now));
      if (trail.dots.size() > MAX_POINTS) {
        trail.dots.removeFirst();
      }
    }
  }

  /** Drops what has faded by {@code now}; true while something is left to show. */
  boolean prune(long now) {
    trails
        .values()
        .removeIf(
            trail -> {
              while (!trail.dots.isEmpty() && now - trail.dots.getFirst().t() >= FADE_NANOS) {
                trail.dots.removeFirst();
              }
              return trail.dots.isEmpty();
            });
    return !trails.isEmpty();
  }

  int pointCount() {
    return trails.values().stream().mapToInt(t -> t.dots.size()).sum();
  }

  /** Paints in screen pixels; returns the screen area painted, or null. */
  Rect paint(GraphicsContext gc, Viewport viewport, long now) {
    Rect drawn = null;
    gc.setLineCap(StrokeLineCap.ROUND);
    gc.setLineJoin(StrokeLineJoin.ROUND);
    for (Trail trail : trails.values()) {
      Dot previous = null;
      for (Dot dot : trail.dots) {
        double x = viewport.toScreenX(dot.x());
        double y = viewport.toScreenY(dot.y());
        double life = 1 - (double) (now - dot.t()) / FADE_NANOS;
        if (life <= 0) {
          previous = dot;
          continue;
        }
        Rect r = new Rect(x - 8, y - 8, x + 8, y + 8);
        if (previous != null) {
          double px = viewport.toScreenX(previous.x());
          double py = viewport.toScreenY(previous.y());
          gc.setStroke(trail.color.deriveColor(0, 1, 1, life));
          gc.setLineWidth(2 + 4 * life);
          gc.strokeLine(px, py, x, y);
          // The segment starts at the previous dot even when that one has faded (and is not
          // painted itself): the area to clear next frame must reach it, or the start stays.
          r = r.union(new Rect(px - 8, py - 8, px + 8, py + 8));
        }
        drawn = drawn == null ? r : drawn.union(r);
        previous = dot;
      }
      Dot head = trail.dots.peekLast();
      if (head != null) {
        double x = viewport.toScreenX(head.x());
        double y = viewport.toScreenY(head.y());
        double life = Math.max(0, 1 - (double) (now - head.t()) / FADE_NANOS);
        gc.setFill(trail.color.deriveColor(0, 1, 1, life));
        gc.fillOval(x - 5, y - 5, 10, 10);
      }
    }
    gc.setLineCap(StrokeLineCap.SQUARE);
    gc.setLineJoin(StrokeLineJoin.MITER);
    return drawn;
  }
}
