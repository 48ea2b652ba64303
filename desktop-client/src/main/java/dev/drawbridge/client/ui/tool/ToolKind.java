package dev.drawbridge.client.ui.tool;

/** The tools on the toolbar, with the key that picks each one. */
public enum ToolKind {
  SELECT("V"),
  PEN("P"),
  HIGHLIGHTER("H"),
  LINE("L"),
  ARROW("A"),
  RECTANGLE("R"),
  ELLIPSE("O"),
  TEXT("T"),
  NOTE("N"),
  ERASER("E"),
  LASER("K");

  private final String key;

  ToolKind(String key) {
    this.key = key;
  }

  /** The single-letter shortcut (without modifiers). */
  public String key() {
    return key;
  }

  /** The tool a shortcut letter picks, or null. */
  public static ToolKind forKey(String letter) {
    for (ToolKind kind : values()) {
      if (kind.key.equalsIgnoreCase(letter)) {
        return kind;
      }
    }
    return null;
  }
}
