package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.geom.NoteLayout;
import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.ui.tool.ToolKind;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Sticky notes (issue 16) driven by a robot on JavaFX's headless platform. */
@ExtendWith(ApplicationExtension.class)
class NotesFxTest extends FxBoardTestBase {

  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
  }

  private List<Element> notes() {
    return elements().stream()
        .filter(Element::isNote)
        .sorted(Comparator.comparingDouble(Element::x))
        .toList();
  }

  private TextArea editor() {
    return fx(() -> view().textEditor());
  }

  /** N, a click, typing and Escape: one note centred where it was clicked. */
  private Element typeNote(FxRobot robot, double x, double y, String text) {
    robot.type(KeyCode.N);
    click(robot, x, y);
    assertThat(editor()).isNotNull();
    robot.write(text);
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    return notes().getLast();
  }

  @Test
  void nCreatesANoteCentredWhereClickedAndTypingShrinksItsTextToFit(FxRobot robot) {
    robot.type(KeyCode.N);
    assertThat(fx(() -> view().model().toolProperty().get())).isEqualTo(ToolKind.NOTE);
    click(robot, 0, 0);
    TextArea area = editor();
    assertThat(area).isNotNull();
    assertThat(area.getId()).isEqualTo("note-editor");
    double before = fx(() -> area.getFont().getSize());
    robot.write("Hi");
    assertThat(fx(() -> area.getFont().getSize())).isEqualTo(before);
    // Long text: the editor's font shrinks to the size the note will be drawn at.
    robot.write(" there, this note has far too many words to fit at its largest size at all");
    double after = fx(() -> area.getFont().getSize());
    assertThat(after).isLessThan(before);
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();

    Element note = notes().getFirst();
    assertThat(note.bounds()).containsExactly(-100, -100, 100, 100);
    assertThat(note.text()).startsWith("Hi there");
    assertThat(note.style().color()).isEqualTo(NoteLayout.PALETTE.getFirst());
    NoteLayout layout = NoteLayout.of(note);
    assertThat(layout.fontSize()).isLessThan(NoteLayout.DEFAULT_FONT_SIZE);
    assertThat(layout.clipped()).isFalse();
    double scale = fx(() -> view().canvas().viewport().scale());
    assertThat(after)
        .isCloseTo(layout.fontSize() * scale, org.assertj.core.data.Offset.offset(0.01));
    // Drawn: the paper's colour inside the note, on the canvas.
    Color paper = pixelAt(-95, -95);
    assertThat(paper.getRed()).isGreaterThan(0.9);
    assertThat(paper.getBlue()).isLessThan(0.75);
    // Typing did not pick tools (the words hold H, E, L, O, T, N, A, R).
    assertThat(fx(() -> view().model().toolProperty().get())).isEqualTo(ToolKind.NOTE);
  }

  @Test
  void tabEndsANoteAndStartsTheNextOneBesideIt(FxRobot robot) {
    robot.type(KeyCode.N);
    click(robot, -120, 0);
    assertThat(editor()).isNotNull();
    robot.write("first");
    robot.type(KeyCode.TAB);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(editor())
        .as("notes %s, focus %s", notes(), fx(() -> stage.getScene().getFocusOwner()))
        .isNotNull();
    robot.write("second");
    robot.type(KeyCode.TAB);
    robot.write("third");
    robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(editor()).isNull();

    List<Element> notes = notes();
    assertThat(notes).extracting(Element::text).containsExactly("first", "second", "third");
    double step = NoteLayout.DEFAULT_SIDE + NoteLayout.GAP;
    assertThat(notes.get(1).x() - notes.get(0).x()).isEqualTo(step);
    assertThat(notes.get(2).x() - notes.get(1).x()).isEqualTo(step);
    assertThat(notes).extracting(Element::y).containsOnly(notes.getFirst().y());
    assertThat(notes).allSatisfy(n -> assertThat(n.text()).doesNotContain("\t"));

    // Undo takes the notes back one at a time, newest first; redo brings the last back.
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(notes()).extracting(Element::text).containsExactly("first", "second");
    robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(notes()).extracting(Element::text).containsExactly("first", "second", "third");
  }

  /**
   * Found by hand: Tab from a note near the right edge started the next one beyond it, and the view
   * stayed, so its text was typed out of sight. The view now follows, at the same zoom.
   */
  @Test
  void tabBringsTheNextNoteIntoViewWhenItWouldStartOffTheEdge(FxRobot robot) {
    Rect free = fx(() -> view().canvas().freeBoardArea());
    double zoom = fx(() -> view().canvas().viewport().scale());
    double y = (free.minY() + free.maxY()) / 2;
    robot.type(KeyCode.N);
    // Centred so that its right edge is just inside: the next note would start outside.
    click(robot, free.maxX() - NoteLayout.DEFAULT_SIDE / 2 - 5, y);
    robot.write("first");
    robot.type(KeyCode.TAB);
    WaitForAsyncUtils.waitForFxEvents();
    robot.write("second");
    robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();

    Element second = notes().getLast();
    assertThat(second.text()).isEqualTo("second");
    Rect now = fx(() -> view().canvas().freeBoardArea());
    assertThat(
            now.contains(
                new Rect(second.x(), second.y(), second.x() + second.w(), second.y() + second.h())))
        .as("note %s in the free view %s", java.util.Arrays.toString(second.bounds()), now)
        .isTrue();
    assertThat(fx(() -> view().canvas().viewport().scale())).isEqualTo(zoom);
  }

  @Test
  void shiftMovesTheViewOnlyAsFarAsNeeded() {
    assertThat(InPlaceTextEditor.shift(10, 20, 0, 100, 16)).isZero();
    assertThat(InPlaceTextEditor.shift(90, 130, 0, 100, 16)).isEqualTo(46);
    assertThat(InPlaceTextEditor.shift(-30, 10, 0, 100, 16)).isEqualTo(-46);
    // Wider than the view: its start is shown.
    assertThat(InPlaceTextEditor.shift(50, 250, 0, 100, 16)).isEqualTo(50);
  }

  @Test
  void aSelectedNoteIsRecolouredFromTheNotePaletteAndUndoRestoresIt(FxRobot robot) {
    Element note = typeNote(robot, 0, 0, "colour me");
    robot.type(KeyCode.V);
    click(robot, 0, 60);
    assertThat(fx(() -> view().model().selection().ids())).containsExactly(note.id());
    ToggleButton blue = robot.lookup("#note-color-3").queryAs(ToggleButton.class);
    robot.clickOn(blue);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(notes().getFirst().style().color()).isEqualTo(NoteLayout.PALETTE.get(3));
    assertThat(pixelAt(-95, -95).getBlue()).isGreaterThan(0.9);

    robot.push(KeyCode.CONTROL, KeyCode.Z);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(notes().getFirst().style().color()).isEqualTo(NoteLayout.PALETTE.getFirst());

    // New notes take the chosen paper too.
    robot.clickOn(robot.lookup("#note-color-2").queryAs(ToggleButton.class));
    robot.type(KeyCode.ESCAPE);
    Element green = typeNote(robot, 300, 0, "green");
    assertThat(green.style().color()).isEqualTo(NoteLayout.PALETTE.get(2));
  }

  /**
   * Found by hand: selecting a note took its paper as the ink colour, so the next pen stroke came
   * out pale yellow on white. The paper shows under "Note colour" instead, and the ink stays.
   */
  @Test
  void selectingANoteShowsItsPaperAndKeepsTheInk(FxRobot robot) {
    String ink = fx(() -> view().model().styleControls().colorProperty().get());
    robot.clickOn(robot.lookup("#note-color-3").queryAs(ToggleButton.class));
    Element blue = typeNote(robot, 0, 0, "blue paper");
    assertThat(blue.style().color()).isEqualTo(NoteLayout.PALETTE.get(3));
    robot.clickOn(robot.lookup("#note-color-0").queryAs(ToggleButton.class));

    robot.type(KeyCode.V);
    click(robot, 0, 60);
    assertThat(fx(() -> view().model().selection().ids())).containsExactly(blue.id());
    assertThat(fx(() -> view().model().styleControls().colorProperty().get())).isEqualTo(ink);
    assertThat(fx(() -> view().model().styleControls().noteColorProperty().get()))
        .isEqualTo(NoteLayout.PALETTE.get(3));
    assertThat(robot.lookup("#note-color-3").queryAs(ToggleButton.class).isSelected()).isTrue();
    assertThat(notes().getFirst().style().color())
        .as("showing the paper does not recolour the note")
        .isEqualTo(NoteLayout.PALETTE.get(3));

    robot.type(KeyCode.P);
    drag(robot, 200, 200, 300, 250);
    Element stroke =
        elements().stream().filter(e -> e.kind() == ElementKind.STROKE).findFirst().orElseThrow();
    assertThat(stroke.style().color()).startsWith(ink);
  }

  @Test
  void aNoteMovesResizesSquareAndIsEditedByDoubleClick(FxRobot robot) {
    Element note = typeNote(robot, 0, 0, "move me");
    robot.type(KeyCode.V);
    drag(robot, 0, 60, 50, 110);
    Element moved = notes().getFirst();
    assertThat(moved.x()).isCloseTo(-50, org.assertj.core.data.Offset.offset(1.0));
    assertThat(moved.y()).isCloseTo(-50, org.assertj.core.data.Offset.offset(1.0));
    // The south-east corner dragged further right than down: the note stays square.
    drag(robot, 149, 149, 249, 179);
    Element resized = notes().getFirst();
    assertThat(resized.w()).isEqualTo(resized.h());
    assertThat(resized.w()).isCloseTo(300, org.assertj.core.data.Offset.offset(2.0));
    assertThat(resized.x()).isEqualTo(moved.x());

    click(robot, 0, 150);
    click(robot, 0, 150);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> editor().getText())).isEqualTo("move me");
    onFx(() -> editor().selectAll());
    robot.type(KeyCode.BACK_SPACE);
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(notes())
        .as("an emptied note stays")
        .singleElement()
        .extracting(Element::text)
        .isEqualTo("");
    assertThat(note.id()).isEqualTo(notes().getFirst().id());
  }

  @Test
  void exportsIncludeTheNote(FxRobot robot) throws Exception {
    typeNote(robot, 0, 0, "Export me");
    Path dir = Files.createTempDirectory("notes-export");
    Path png = dir.resolve("b.png");
    Path svg = dir.resolve("b.svg");
    Path pdf = dir.resolve("b.pdf");
    assertThat(fx(() -> view().export("png", png, false))).isTrue();
    assertThat(fx(() -> view().export("svg", svg, false))).isTrue();
    assertThat(fx(() -> view().export("pdf", pdf, false))).isTrue();

    String svgText = Files.readString(svg);
    assertThat(svgText)
        .contains("fill=\"#ffec99\"")
        .contains("Export me")
        .contains("text-anchor=\"middle\"");
    javafx.scene.image.Image image = new javafx.scene.image.Image(png.toUri().toString());
    assertThat(image.getWidth()).isGreaterThanOrEqualTo(400);
    // Left of the text, inside the note's padding.
    Color centre =
        image
            .getPixelReader()
            .getColor((int) (image.getWidth() * 0.12), (int) (image.getHeight() / 2));
    assertThat(centre.getRed()).isGreaterThan(0.9);
    assertThat(centre.getBlue()).isLessThan(0.75);
    try (PDDocument doc = Loader.loadPDF(new File(pdf.toString()))) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
      assertThat(text).contains("Export me");
    }
  }

  /** The canvas pixel at board point (x, y). */
  private Color pixelAt(double x, double y) {
    return fx(
        () -> {
          WritableImage shot = view().canvas().snapshot(null, null);
          int px = (int) Math.round(view().canvas().viewport().toScreenX(x));
          int py = (int) Math.round(view().canvas().viewport().toScreenY(y));
          return shot.getPixelReader().getColor(px, py);
        });
  }
}
