package dev.drawbridge.protocol.message;

import dev.drawbridge.protocol.validation.Require;

/** A pointer position in board units. */
public record Cursor(double x, double y) {
  public Cursor {
    Require.coordinate(x, "cursor.x");
    Require.coordinate(y, "cursor.y");
  }
}
