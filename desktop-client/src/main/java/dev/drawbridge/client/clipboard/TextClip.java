package dev.drawbridge.client.clipboard;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.validation.ProtocolLimits;

/**
 * Plain text pasted onto the board becomes one text element: line ends normalised, control
 * characters dropped, lines longer than {@link #WRAP} characters wrapped at a space (or cut when a
 * word is longer), and the whole cut to the protocol's 10,000 characters (R9) so the add is valid.
 */
public final class TextClip {
  /** The longest line a pasted text keeps before it is wrapped. */
  public static final int WRAP = 80;

  private TextClip() {}

  /**
   * A text element showing {@code raw} centred on (atX, atY), or null when {@code raw} has nothing
   * to show.
   */
  public static Element element(
      String id, String raw, double atX, double atY, Style style, double z, String author) {
    String text = cut(wrap(clean(raw)), ProtocolLimits.MAX_TEXT_LENGTH);
    if (text.isBlank()) {
      return null;
    }
    double[] b = Element.text(id, 0, 0, text, style, z).bounds();
    return Element.text(id, atX - b[2] / 2, atY - b[3] / 2, text, style, z).withAuthor(author);
  }

  static String clean(String raw) {
    String text = raw.replace("\r\n", "\n").replace('\r', '\n').replace("\t", "    ");
    StringBuilder out =
        new StringBuilder(Math.min(text.length(), 4 * ProtocolLimits.MAX_TEXT_LENGTH));
    for (int i = 0; i < text.length() && out.length() <= 2 * ProtocolLimits.MAX_TEXT_LENGTH; i++) {
      char c = text.charAt(i);
      if (c == '\n' || !Character.isISOControl(c)) {
        out.append(c);
      }
    }
    return out.toString().strip();
  }

  static String wrap(String text) {
    StringBuilder out = new StringBuilder(text.length() + text.length() / WRAP);
    for (String line : text.split("\n", -1)) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      while (line.length() > WRAP) {
        int at = line.lastIndexOf(' ', WRAP);
        if (at <= 0) {
          at = Character.isHighSurrogate(line.charAt(WRAP - 1)) ? WRAP - 1 : WRAP;
          out.append(line, 0, at).append('\n');
          line = line.substring(at);
        } else {
          out.append(line, 0, at).append('\n');
          line = line.substring(at + 1);
        }
      }
      out.append(line);
    }
    return out.toString();
  }

  /** The first {@code max} characters, not splitting a surrogate pair. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }
}
