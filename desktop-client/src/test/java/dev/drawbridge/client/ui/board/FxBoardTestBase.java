package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;

import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.ui.app.AppWindow;
import dev.drawbridge.client.ui.settings.SettingsStore;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real window on an offline board; helpers to drive it in board coordinates. */
abstract class FxBoardTestBase {
  static {
    // Start screens look for boards on the network only in the tests about that (HostingFxTest).
    System.setProperty("drawbridge.noDiscovery", "true");
  }

  Path home;
  AppWindow window;
  Stage stage;

  /** Call from the test class's own {@code @Start} method (TestFX looks only there). */
  void openWindow(Stage stage) {
    this.stage = stage;
    try {
      home = Files.createTempDirectory("drawbridge-ui-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    window = new AppWindow(stage, new SettingsStore(home), 900, 700);
    window.workOffline();
    stage.show();
  }

  /** Closes whatever the test left open and removes its files (best effort). */
  @org.junit.jupiter.api.AfterEach
  void closeAndCleanUp() {
    if (window != null) {
      onFx(() -> window.showStart());
    }
    if (home != null) {
      try (var paths = Files.walk(home)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | UncheckedIOException e) {
        // Leftovers in the temp dir are harmless.
      }
    }
  }

  BoardView view() {
    return window.boardView();
  }

  LocalBoard board() {
    return view().session().board();
  }

  List<Element> elements() {
    return fx(() -> board().view().visibleElements());
  }

  /** Adds a rectangle of the default style to the board, as if drawn here. */
  void addRectangle(String id, double x, double y, double w, double h) {
    onFx(
        () ->
            board()
                .submit(
                    new Op.AddElement(
                        Element.shape(id, ElementKind.RECTANGLE, x, y, w, h, Style.DEFAULT, 1))));
  }

  /** Adds a filled rectangle above everything, as if drawn here. */
  void addFilledBox(String id, double x, double y, double w, double h) {
    onFx(
        () ->
            board()
                .submit(
                    new Op.AddElement(
                        Element.shape(
                            id,
                            ElementKind.RECTANGLE,
                            x,
                            y,
                            w,
                            h,
                            Style.DEFAULT.withFill(true),
                            board().view().topZ() + 1))));
  }

  /** Where board point (x, y) is on the screen. */
  Point2D screen(double x, double y) {
    return fx(
        () ->
            view()
                .canvas()
                .localToScreen(
                    view().canvas().viewport().toScreenX(x),
                    view().canvas().viewport().toScreenY(y)));
  }

  /**
   * Where board point (x, y) is on the screen, once it lies inside the window. A view that was just
   * opened is laid out on the next pulse; until then the point may be off the window, and the
   * headless robot, which sends mouse events to the window under the pointer, would find none.
   */
  Point2D screenInWindow(double x, double y) {
    WaitForAsyncUtils.waitForFxEvents();
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(
            () -> {
              Point2D p = screen(x, y);
              return fx(
                  () ->
                      p.getX() >= stage.getX()
                          && p.getX() < stage.getX() + stage.getWidth()
                          && p.getY() >= stage.getY()
                          && p.getY() < stage.getY() + stage.getHeight());
            });
    return screen(x, y);
  }

  /**
   * A press-move-release drag through JavaFX's own robot (the same glass robot TestFX drives, but
   * without TestFX's animated pointer moves, which take seconds per drag).
   */
  void drag(FxRobot robot, double x1, double y1, double x2, double y2) {
    javafx.scene.robot.Robot glass = fx(javafx.scene.robot.Robot::new);
    Point2D start = screenInWindow(x1, y1);
    onFx(
        () -> {
          glass.mouseMove(start);
          glass.mousePress(MouseButton.PRIMARY);
        });
    // Screen points fixed up front: a pan moves the board under the pointer.
    List<Point2D> path = new java.util.ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      path.add(screen(x1 + (x2 - x1) * i / 12, y1 + (y2 - y1) * i / 12));
    }
    for (Point2D p : path) {
      onFx(() -> glass.mouseMove(p));
    }
    onFx(() -> glass.mouseRelease(MouseButton.PRIMARY));
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Puts plain text on the system clipboard, as another application would. */
  static void putClipboardText(String text) {
    onFx(
        () -> {
          javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
          content.putString(text);
          javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
  }

  /** Moves the pointer over board point (x, y) without pressing (where a paste lands). */
  void hover(double x, double y) {
    javafx.scene.robot.Robot glass = fx(javafx.scene.robot.Robot::new);
    Point2D p = screenInWindow(x, y);
    // A step first, so the canvas sees a move even when the pointer is already there.
    onFx(() -> glass.mouseMove(p.add(1, 1)));
    onFx(() -> glass.mouseMove(p));
    WaitForAsyncUtils.waitForFxEvents();
  }

  void click(FxRobot robot, double x, double y) {
    javafx.scene.robot.Robot glass = fx(javafx.scene.robot.Robot::new);
    Point2D p = screenInWindow(x, y);
    onFx(
        () -> {
          glass.mouseMove(p);
          glass.mouseClick(MouseButton.PRIMARY);
        });
    WaitForAsyncUtils.waitForFxEvents();
  }
}
