package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.geom.NoteLayout;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Started in a JVM of its own by {@link BoardFontLocaleTest}, in a given default locale (JavaFX
 * resolves its fonts once per run, with the locale of the start): prints how board text is measured
 * there, on one line after "@@ ".
 */
public final class BoardTextProbe {
  static final String TEXT = "Hello, whiteboard! Wide WM and narrow il.";

  private BoardTextProbe() {}

  public static void main(String[] args) throws Exception {
    CompletableFuture<String> result = new CompletableFuture<>();
    Platform.startup(
        () -> {
          try {
            result.complete(measure());
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    System.out.println("@@ " + Locale.getDefault() + " " + result.get());
    Platform.exit();
  }

  private static String measure() {
    Font font = ElementPainter.font(100);
    Element note =
        Element.note(
            "n",
            0,
            0,
            200,
            "Sticky notes wrap their words the same for every member of a board",
            Style.DEFAULT.withFontSize(24),
            1);
    NoteLayout layout = ElementPainter.noteLayout(note);
    List<String> lines = new ArrayList<>();
    for (String line : layout.lines()) {
      lines.add(line + "=" + width(line, ElementPainter.font(layout.fontSize())));
    }
    return "family="
        + font.getFamily()
        + " width="
        + width(TEXT, font)
        + " ascent="
        + ElementPainter.ascent(100)
        + " note="
        + layout.fontSize()
        + lines;
  }

  private static double width(String s, Font font) {
    Text text = new Text(s);
    text.setFont(font);
    return text.getLayoutBounds().getWidth();
  }
}
