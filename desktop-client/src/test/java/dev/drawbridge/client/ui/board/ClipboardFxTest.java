package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drawbridge.client.ui.clipboard.SystemClipboard;
import dev.drawbridge.protocol.element.Binding;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.List;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Copy, cut, paste and duplicate through the real window and the system clipboard (issue 15). */
@ExtendWith(ApplicationExtension.class)
class ClipboardFxTest extends FxBoardTestBase {
  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
  }

  private void drawBoxAndArrow() {
    addRectangle("box", 0, 0, 100, 60);
    onFx(
        () ->
            board()
                .submit(
                    new Op.AddElement(
                        Element.shape("arr", ElementKind.ARROW, 100, 30, 80, 0, Style.DEFAULT, 2)
                            .withBindings(Binding.to("box", 1, 0.5), null))));
    onFx(() -> view().model().selectAll());
  }

  @Test
  void copyOnOneBoardPastesOnAnotherAtThePointer(FxRobot robot) {
    drawBoxAndArrow();
    shortcut(robot, KeyCode.C);
    // Other applications get SVG and a picture as well.
    assertThat(fx(() -> Clipboard.getSystemClipboard().hasContent(SystemClipboard.DRAWBRIDGE)))
        .isTrue();
    // SVG as raw UTF-8 (a String would reach other programs Java-serialized).
    java.nio.ByteBuffer svg =
        fx(
            () ->
                (java.nio.ByteBuffer)
                    Clipboard.getSystemClipboard().getContent(SystemClipboard.SVG));
    assertThat(java.nio.charset.StandardCharsets.UTF_8.decode(svg.duplicate().rewind()).toString())
        .startsWith("<?xml")
        .contains("<svg");
    assertThat(fx(() -> Clipboard.getSystemClipboard().hasContent(DataFormat.IMAGE))).isTrue();

    onFx(() -> window.workOffline());
    assertThat(elements()).isEmpty();
    hover(150, 120);
    shortcut(robot, KeyCode.V);

    List<Element> pasted = elements();
    assertThat(pasted).hasSize(2);
    assertThat(pasted).extracting(Element::id).doesNotContain("box", "arr");
    Element box = byKind(pasted, ElementKind.RECTANGLE);
    Element arrow = byKind(pasted, ElementKind.ARROW);
    assertThat(arrow.startBinding().elementId()).isEqualTo(box.id());
    double minX = pasted.stream().mapToDouble(e -> e.bounds()[0]).min().orElseThrow();
    double maxX = pasted.stream().mapToDouble(e -> e.bounds()[2]).max().orElseThrow();
    assertThat((minX + maxX) / 2).isCloseTo(150, within(2.0));
    assertThat(box.y() + 30).isCloseTo(120, within(2.0));
    assertThat(fx(() -> view().model().selection().ids())).hasSize(2);
    // One step to undo.
    onFx(() -> view().model().undo());
    assertThat(elements()).isEmpty();
  }

  @Test
  void cutTakesTheSelectionAwayAndPasteBringsItBack(FxRobot robot) {
    drawBoxAndArrow();
    shortcut(robot, KeyCode.X);
    assertThat(elements()).isEmpty();
    hover(0, 0);
    shortcut(robot, KeyCode.V);
    assertThat(elements()).hasSize(2);
  }

  @Test
  void duplicateAddsBoundCopiesNextToTheSelection(FxRobot robot) {
    drawBoxAndArrow();
    shortcut(robot, KeyCode.D);
    List<Element> all = elements();
    assertThat(all).hasSize(4);
    Element copy =
        all.stream()
            .filter(e -> e.kind() == ElementKind.RECTANGLE && !e.id().equals("box"))
            .findFirst()
            .orElseThrow();
    assertThat(copy.x()).isEqualTo(20);
    Element arrowCopy =
        all.stream()
            .filter(e -> e.kind() == ElementKind.ARROW && !e.id().equals("arr"))
            .findFirst()
            .orElseThrow();
    assertThat(arrowCopy.startBinding().elementId()).isEqualTo(copy.id());
  }

  @Test
  void plainTextPastesAsATextElementAtThePointer(FxRobot robot) {
    putClipboardText("from another app");
    hover(-100, 50);
    shortcut(robot, KeyCode.V);
    Element text = elements().getFirst();
    assertThat(text.kind()).isEqualTo(ElementKind.TEXT);
    assertThat(text.text()).isEqualTo("from another app");
    assertThat((text.bounds()[0] + text.bounds()[2]) / 2).isCloseTo(-100, within(2.0));
  }

  @Test
  void hostileClipboardContentIsRefusedWithAMessage(FxRobot robot) {
    onFx(
        () -> {
          ClipboardContent content = new ClipboardContent();
          content.put(SystemClipboard.DRAWBRIDGE, "{\"format\":\"drawbridge-clipboard\"");
          Clipboard.getSystemClipboard().setContent(content);
        });
    hover(0, 0);
    shortcut(robot, KeyCode.V);
    assertThat(elements()).isEmpty();
    assertThat(fx(() -> view().toast().getText()))
        .isEqualTo(fx(() -> window.messages().get("clip.refused.malformed")));
  }

  @Test
  void theMenuPastesInTheMiddleOfTheViewWhenThePointerIsOffTheBoard(FxRobot robot) {
    drawBoxAndArrow();
    hover(250, 150);
    robot.moveTo("#main-menu");
    javafx.scene.control.MenuButton menu =
        robot.lookup("#main-menu").queryAs(javafx.scene.control.MenuButton.class);
    List<String> ids =
        fx(() -> menu.getItems().stream().map(javafx.scene.control.MenuItem::getId).toList());
    assertThat(ids).contains("menu-copy", "menu-cut", "menu-paste", "menu-duplicate");
    onFx(() -> item(menu, "menu-copy").fire());
    onFx(() -> item(menu, "menu-paste").fire());

    double[] centre =
        fx(() -> new double[] {view().canvas().viewCentre().x(), view().canvas().viewCentre().y()});
    List<Element> pasted =
        elements().stream().filter(e -> !List.of("box", "arr").contains(e.id())).toList();
    assertThat(pasted).hasSize(2);
    double minX = pasted.stream().mapToDouble(e -> e.bounds()[0]).min().orElseThrow();
    double maxX = pasted.stream().mapToDouble(e -> e.bounds()[2]).max().orElseThrow();
    assertThat(Math.abs(centre[0] - 250))
        .as("the view's middle is not where the pointer was")
        .isGreaterThan(50);
    assertThat((minX + maxX) / 2).isCloseTo(centre[0], within(2.0));
  }

  private static javafx.scene.control.MenuItem item(
      javafx.scene.control.MenuButton menu, String id) {
    return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
  }

  @Test
  void aViewersPasteIsRefusedWithAMessage(FxRobot robot) {
    putClipboardText("not for viewers");
    onFx(() -> view().setViewOnly(true));
    hover(0, 0);
    shortcut(robot, KeyCode.V);
    assertThat(elements()).isEmpty();
    assertThat(fx(() -> view().toast().getText()))
        .isEqualTo(fx(() -> window.messages().get("clip.refused.viewer")));
  }

  /** Ctrl (Cmd on macOS) and {@code key}, as the user types it. */
  private static void shortcut(FxRobot robot, KeyCode key) {
    KeyCode shortcut =
        System.getProperty("os.name").startsWith("Mac") ? KeyCode.COMMAND : KeyCode.CONTROL;
    robot.press(shortcut).type(key).release(shortcut);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static Element byKind(List<Element> elements, ElementKind kind) {
    return elements.stream().filter(e -> e.kind() == kind).findFirst().orElseThrow();
  }
}
