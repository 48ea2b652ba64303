package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.ui.tool.ToolKind;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.Locale;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The board screen driven by a robot on JavaFX's headless platform. */
@ExtendWith(ApplicationExtension.class)
class BoardViewFxTest extends FxBoardTestBase {

  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
  }

  private Element newest() {
    return elements().stream()
        .max(dev.drawbridge.protocol.element.ZOrder.PAINT_ORDER)
        .orElseThrow();
  }

  @Test
  void penDragDrawsOneSmoothedStroke(FxRobot robot) {
    drag(robot, -150, -80, 120, 60);
    assertThat(elements()).hasSize(1);
    Element stroke = elements().getFirst();
    assertThat(stroke.kind()).isEqualTo(ElementKind.STROKE);
    assertThat(stroke.points().size()).isGreaterThan(3);
    double[] b = stroke.bounds();
    assertThat(b[0]).isBetween(-152.0, -148.0);
    assertThat(b[2]).isBetween(118.0, 122.0);
  }

  @Test
  void everyShapeToolOnTheToolbarDrawsItsElement(FxRobot robot) {
    record Case(ToolKind tool, ElementKind kind) {}
    var cases =
        new Case[] {
          new Case(ToolKind.HIGHLIGHTER, ElementKind.HIGHLIGHTER),
          new Case(ToolKind.LINE, ElementKind.LINE),
          new Case(ToolKind.ARROW, ElementKind.ARROW),
          new Case(ToolKind.RECTANGLE, ElementKind.RECTANGLE),
          new Case(ToolKind.ELLIPSE, ElementKind.ELLIPSE)
        };
    double y = -200;
    for (Case c : cases) {
      robot.clickOn("#tool-" + c.tool().name());
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(view().model().toolProperty().get()).isEqualTo(c.tool());
      drag(robot, -100, y, 60, y + 40);
      assertThat(newest().kind()).as(c.tool().name()).isEqualTo(c.kind());
      y += 70;
    }
    assertThat(elements()).hasSize(cases.length);
    Element ellipse = newest();
    assertThat(ellipse.w()).isBetween(158.0, 162.0);
    assertThat(ellipse.h()).isBetween(38.0, 42.0);
  }

  @Test
  void eraserDeletesWhatItSweepsOver(FxRobot robot) {
    onFx(
        () ->
            board()
                .submit(
                    new Op.AddElement(
                        Element.shape(
                            "box1", ElementKind.RECTANGLE, -50, -50, 100, 100, Style.DEFAULT, 1))));
    robot.type(KeyCode.E);
    assertThat(view().model().toolProperty().get()).isEqualTo(ToolKind.ERASER);
    drag(robot, -100, -50, 100, -50);
    assertThat(elements()).isEmpty();
  }

  @Test
  void undoAndRedoByKeyboardAndToolbar(FxRobot robot) {
    drag(robot, -100, 0, 100, 0);
    assertThat(elements()).hasSize(1);
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(elements()).isEmpty();
    robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(elements()).hasSize(1);
    robot.clickOn("#undo");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(elements()).isEmpty();
    robot.push(KeyCode.CONTROL, KeyCode.Y);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(elements()).hasSize(1);
  }

  @Test
  void selectMoveAndDelete(FxRobot robot) {
    onFx(
        () ->
            board()
                .submit(
                    new Op.AddElement(
                        Element.shape(
                            "box1",
                            ElementKind.RECTANGLE,
                            0,
                            0,
                            100,
                            80,
                            Style.DEFAULT.withFill(true),
                            1))));
    robot.type(KeyCode.V);
    drag(robot, 50, 40, 110, 70);
    Element moved = fx(() -> board().view().get("box1"));
    assertThat(moved.x()).isBetween(58.0, 62.0);
    assertThat(moved.y()).isBetween(28.0, 32.0);
    assertThat(fx(() -> view().model().selection().ids())).containsExactly("box1");
    // On screen the box left its old place (no trail on either layer) and sits at the new one.
    onFx(() -> view().canvas().flush());
    WritableImage shot = fx(() -> view().canvas().snapshot(null, null));
    assertThat(brightnessAt(shot, 30, 40)).isGreaterThan(0.8);
    assertThat(brightnessAt(shot, 110, 70)).isLessThan(0.3);
    robot.type(KeyCode.DELETE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(elements()).isEmpty();
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(elements()).hasSize(1);
  }

  @Test
  void textIsTypedInPlaceAndEditedByDoubleClick(FxRobot robot) {
    robot.type(KeyCode.T);
    click(robot, -100, -20);
    assertThat(fx(() -> view().textEditor())).isNotNull();
    robot.write("Hello");
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(elements())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(ElementKind.TEXT);
              assertThat(e.text()).isEqualTo("Hello");
            });
    // Typing into the editor did not trigger tool shortcuts (H, E, L, O).
    assertThat(view().model().toolProperty().get()).isEqualTo(ToolKind.TEXT);

    robot.type(KeyCode.V);
    click(robot, -90, -10);
    click(robot, -90, -10);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> view().textEditor().getText())).isEqualTo("Hello");
    robot.write(" world");
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(elements()).singleElement().extracting(Element::text).isEqualTo("Hello world");
  }

  @Test
  void keyboardShortcutsPickToolsToggleTheGridAndZoom(FxRobot robot) {
    for (ToolKind kind : ToolKind.values()) {
      robot.type(KeyCode.getKeyCode(kind.key()));
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(view().model().toolProperty().get()).isEqualTo(kind);
      ToggleButton button = robot.lookup("#tool-" + kind.name()).queryAs(ToggleButton.class);
      assertThat(button.isSelected()).isTrue();
    }
    boolean grid = view().canvas().gridProperty().get();
    robot.type(KeyCode.G);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view().canvas().gridProperty().get()).isEqualTo(!grid);
    robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view().canvas().zoomProperty().get()).isGreaterThan(1);
    robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view().canvas().zoomProperty().get()).isEqualTo(1);
  }

  @Test
  void switchingLanguageRelabelsTheToolbarTooltips(FxRobot robot) {
    ToggleButton pen = robot.lookup("#tool-PEN").queryAs(ToggleButton.class);
    onFx(
        () ->
            window.applySettings(
                window.settings().get().withProfile("Ann", "#123456", "light", "en")));
    assertThat(pen.getTooltip().getText()).isEqualTo("Pen — P");
    onFx(
        () ->
            window.applySettings(
                window.settings().get().withProfile("Ann", "#123456", "light", "zh-CN")));
    assertThat(pen.getTooltip().getText()).isEqualTo("画笔 — P");
    assertThat(window.messages().locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(robot.lookup("#status-text").queryLabeled().getText()).isEqualTo("本地白板（未共享）");
    onFx(
        () ->
            window.applySettings(
                window.settings().get().withProfile("Ann", "#123456", "dark", "en")));
    assertThat(pen.getTooltip().getText()).isEqualTo("Pen — P");
    assertThat(view().canvas().darkProperty().get()).isTrue();
  }

  @Test
  void strokesAreRenderedWithoutRepaintingTheWholeBoard(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    onFx(() -> view().canvas().flush());
    long[] before = fx(() -> view().canvas().repaintCounts());
    drag(robot, -100, 0, 100, 0);
    onFx(() -> view().canvas().flush());
    long[] after = fx(() -> view().canvas().repaintCounts());
    assertThat(after[0]).as("full repaints").isEqualTo(before[0]);
    assertThat(after[1]).as("region repaints").isGreaterThan(before[1]);
    // The stroke's pixels are on screen.
    WritableImage shot = fx(() -> view().canvas().snapshot(null, null));
    double cx = fx(() -> view().canvas().viewport().toScreenX(0));
    double cy = fx(() -> view().canvas().viewport().toScreenY(0));
    Color pixel = shot.getPixelReader().getColor((int) cx, (int) cy);
    assertThat(pixel.getBrightness()).isLessThan(0.5);
  }

  @Test
  void wheelPansAndCtrlWheelZoomsAroundThePointerRepaintingOnceItSettles(FxRobot robot) {
    onFx(() -> view().canvas().flush());
    long fullBefore = fx(() -> view().canvas().repaintCounts()[0]);
    double offsetBefore = fx(() -> view().canvas().viewport().offsetY());
    javafx.geometry.Point2D at = screen(100, 100);
    javafx.scene.robot.Robot glass = fx(javafx.scene.robot.Robot::new);
    onFx(
        () -> {
          glass.mouseMove(at);
          glass.mouseWheel(-2);
        });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> view().canvas().viewport().offsetY())).isNotEqualTo(offsetBefore);
    assertThat(view().canvas().zoomProperty().get()).isEqualTo(1.0);

    // The headless robot sends no modifiers with the wheel: fire ctrl+wheel as the platform would.
    javafx.geometry.Point2D local = fx(() -> view().canvas().screenToLocal(at));
    javafx.geometry.Point2D boardBefore =
        fx(
            () ->
                new javafx.geometry.Point2D(
                    view().canvas().viewport().toBoardX(local.getX()),
                    view().canvas().viewport().toBoardY(local.getY())));
    onFx(
        () ->
            javafx.event.Event.fireEvent(
                view().canvas(),
                new javafx.scene.input.ScrollEvent(
                    javafx.scene.input.ScrollEvent.SCROLL,
                    local.getX(),
                    local.getY(),
                    at.getX(),
                    at.getY(),
                    false,
                    true,
                    false,
                    false,
                    false,
                    false,
                    0,
                    120,
                    0,
                    120,
                    javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE,
                    0,
                    javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE,
                    0,
                    0,
                    null)));
    assertThat(view().canvas().zoomProperty().get()).isGreaterThan(1.2);
    javafx.geometry.Point2D boardAfter =
        fx(
            () ->
                new javafx.geometry.Point2D(
                    view().canvas().viewport().toBoardX(local.getX()),
                    view().canvas().viewport().toBoardY(local.getY())));
    assertThat(boardAfter.distance(boardBefore)).isLessThan(2);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> fx(() -> view().canvas().repaintCounts()[0]) > fullBefore);
  }

  @Test
  void spaceDragPansTheBoardByWholePixels(FxRobot robot) {
    double before = fx(() -> view().canvas().viewport().offsetX());
    robot.press(KeyCode.SPACE);
    drag(robot, 0, 0, 120, 0);
    robot.release(KeyCode.SPACE);
    WaitForAsyncUtils.waitForFxEvents();
    double after = fx(() -> view().canvas().viewport().offsetX());
    assertThat(after - before).isBetween(110.0, 130.0);
    assertThat(after).isEqualTo(Math.rint(after));
    assertThat(elements()).isEmpty();
  }

  @Test
  void copyPasteNudgeAndTheShortcutsCard(FxRobot robot) {
    onFx(
        () ->
            board()
                .submit(
                    new Op.AddElement(
                        Element.shape(
                            "box1",
                            ElementKind.RECTANGLE,
                            0,
                            0,
                            100,
                            80,
                            Style.DEFAULT.withFill(true),
                            1))));
    robot.type(KeyCode.V);
    click(robot, 50, 40);
    robot.push(KeyCode.CONTROL, KeyCode.C);
    // A paste lands centred on the pointer (issue 15): here 20 right of and below the original.
    hover(70, 60);
    robot.push(KeyCode.CONTROL, KeyCode.V);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(elements()).hasSize(2);
    Element copy = newest();
    assertThat(copy.id()).isNotEqualTo("box1");
    assertThat(copy.x()).isEqualTo(20);
    assertThat(fx(() -> view().model().selection().ids())).containsExactly(copy.id());
    robot.type(KeyCode.RIGHT);
    robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
    WaitForAsyncUtils.waitForFxEvents();
    Element nudged = fx(() -> board().view().get(copy.id()));
    assertThat(nudged.x()).isEqualTo(21);
    assertThat(nudged.y()).isEqualTo(30);
    robot.push(KeyCode.CONTROL, KeyCode.D);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(elements()).hasSize(3);

    assertThat(robot.lookup("#shortcuts-help").query().isVisible()).isFalse();
    robot.type(KeyCode.F1);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#shortcuts-help").query().isVisible()).isTrue();
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#shortcuts-help").query().isVisible()).isFalse();
  }

  @Test
  void draggingACornerOfASelectedStrokeScalesIt(FxRobot robot) {
    // An L: along the top, then down the right side; bounds (0, 0)..(100, 50).
    Element stroke =
        Element.freehand(
            "stroke1",
            ElementKind.STROKE,
            0,
            0,
            dev.drawbridge.protocol.element.Points.of(0, 0, 50, 0, 100, 0, 100, 25, 100, 50),
            Style.DEFAULT.withWidth(6),
            1);
    onFx(() -> board().submit(new Op.AddElement(stroke)));
    robot.type(KeyCode.V);
    click(robot, 50, 0);
    assertThat(fx(() -> view().model().selection().ids())).containsExactly("stroke1");
    drag(robot, 100, 50, 200, 100);

    Element scaled = elements().getFirst();
    assertThat(elements()).hasSize(1);
    assertThat(scaled.id()).isNotEqualTo("stroke1");
    assertThat(scaled.style().width()).isEqualTo(6);
    double[] b = scaled.bounds();
    assertThat(b[0]).isBetween(-1.0, 1.0);
    assertThat(b[1]).isBetween(-1.0, 1.0);
    assertThat(b[2]).isBetween(198.0, 202.0);
    assertThat(b[3]).isBetween(98.0, 102.0);
    assertThat(fx(() -> view().model().selection().ids())).containsExactly(scaled.id());
    // On screen: the stroke reaches further right; its old right side is gone. (Points straddling
    // a corner are smoothed, so probe straight runs.)
    onFx(() -> view().canvas().flush());
    WritableImage shot = fx(() -> view().canvas().snapshot(null, null));
    assertThat(brightnessAt(shot, 150, 0)).isLessThan(0.3);
    assertThat(brightnessAt(shot, 200, 50)).isLessThan(0.3);
    assertThat(brightnessAt(shot, 100, 25)).isGreaterThan(0.8);

    robot.push(KeyCode.CONTROL, KeyCode.Z);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(elements()).containsExactly(stroke);
  }

  @Test
  void draggingACornerOfSelectedTextScalesItsFont(FxRobot robot) {
    Element text = Element.text("text1", 0, 0, "Hello", Style.DEFAULT.withFontSize(20), 1);
    onFx(() -> board().submit(new Op.AddElement(text)));
    double[] b = text.bounds();
    robot.type(KeyCode.V);
    click(robot, (b[0] + b[2]) / 2, (b[1] + b[3]) / 2);
    assertThat(fx(() -> view().model().selection().ids())).containsExactly("text1");
    // Pull the bottom-right corner out to twice the size: twice the font, top-left in place.
    drag(robot, b[2], b[3], 2 * b[2], 2 * b[3]);
    Element after = fx(() -> board().view().get("text1"));
    assertThat(after.style().fontSize()).isBetween(38.0, 42.0);
    assertThat(after.x()).isEqualTo(0);
    assertThat(after.y()).isEqualTo(0);
    assertThat(after.text()).isEqualTo("Hello");
  }

  private double brightnessAt(WritableImage shot, double boardX, double boardY) {
    double x = fx(() -> view().canvas().viewport().toScreenX(boardX));
    double y = fx(() -> view().canvas().viewport().toScreenY(boardY));
    return shot.getPixelReader().getColor((int) x, (int) y).getBrightness();
  }
}
