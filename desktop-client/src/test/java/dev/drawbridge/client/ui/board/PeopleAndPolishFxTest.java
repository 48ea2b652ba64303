package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.ui.canvas.RemoteCursor;
import dev.drawbridge.client.ui.settings.PeoplePalette;
import dev.drawbridge.protocol.message.Cursor;
import dev.drawbridge.protocol.message.Peer;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14's people colours and the small ones: the colour in Settings, two people of one colour
 * drawn apart, dialog buttons in the app's language, "fit" beside the panels, export naming and the
 * swatch in the dark theme.
 */
@ExtendWith(ApplicationExtension.class)
class PeopleAndPolishFxTest extends FxBoardTestBase {

  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
  }

  @AfterEach
  void backToEnglish() {
    onFx(
        () -> window.applySettings(window.settings().get().withProfile("Me", null, "light", "en")));
  }

  @Test
  void aFreshInstallationHasAPaletteColourOfItsOwn() {
    String color = fx(() -> window.settings().get().color());
    assertThat(PeoplePalette.COLORS).contains(color);
    assertThat(color).isNotEqualToIgnoringCase(PeoplePalette.OLD_DEFAULT);
  }

  @Test
  void theSettingsDialogChangesTheColourToAnotherOfThePalette(FxRobot robot) {
    String before = fx(() -> window.settings().get().color());
    String other = PeoplePalette.COLORS.stream().filter(c -> !c.equals(before)).findFirst().get();
    DialogPane pane = openSettings(robot);
    Set<String> offered =
        fx(
            () ->
                pane.lookupAll(".swatch").stream()
                    .map(n -> (String) n.getUserData())
                    .collect(Collectors.toSet()));
    assertThat(offered).containsExactlyInAnyOrderElementsOf(PeoplePalette.COLORS);
    assertThat(fx(() -> ((ToggleButton) pane.lookup("#settings-color-" + before.substring(1)))))
        .satisfies(b -> assertThat(b.isSelected()).isTrue());

    robot.clickOn("#settings-color-" + other.substring(1));
    onFx(() -> ((Button) pane.lookupButton(ButtonType.OK)).fire());
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(fx(() -> window.settings().get().color())).isEqualTo(other);
    assertThat(fx(() -> new dev.drawbridge.client.ui.settings.SettingsStore(home).get().color()))
        .isEqualTo(other);
    // This user's own dot in the people list follows at once.
    robot.clickOn("#people-toggle");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> dotColors(robot).getFirst())).isEqualTo(Color.web(other));
  }

  @Test
  void dialogButtonsSpeakTheAppLanguageNotTheSystems(FxRobot robot) {
    assertThat(Locale.getDefault().getLanguage()).isNotEqualTo("zh");
    onFx(
        () ->
            window.applySettings(
                window.settings().get().withProfile("Me", null, "light", "zh-CN")));
    DialogPane pane = openSettings(robot);
    assertThat(fx(() -> ((Button) pane.lookupButton(ButtonType.OK)).getText())).isEqualTo("确定");
    assertThat(fx(() -> ((Button) pane.lookupButton(ButtonType.CANCEL)).getText())).isEqualTo("取消");
    onFx(() -> ((Button) pane.lookupButton(ButtonType.CANCEL)).fire());
    WaitForAsyncUtils.waitForFxEvents();

    onFx(
        () -> window.applySettings(window.settings().get().withProfile("Me", null, "light", "en")));
    DialogPane english = openSettings(robot);
    assertThat(fx(() -> ((Button) english.lookupButton(ButtonType.CANCEL)).getText()))
        .isEqualTo("Cancel");
    onFx(() -> ((Button) english.lookupButton(ButtonType.CANCEL)).fire());
  }

  /** Found by hand: in Chinese the list said "Ann （你）", a space before the full-width bracket. */
  @Test
  void thisUserIsMarkedAsTheLanguageWritesIt(FxRobot robot) {
    assertThat(markOfThisUser(robot, "zh-CN")).isEqualTo("Ann（你）");
    robot.clickOn("#people-toggle");
    assertThat(markOfThisUser(robot, "en")).isEqualTo("Ann (you)");
  }

  private String markOfThisUser(FxRobot robot, String language) {
    FakeSharedSession shared = new FakeSharedSession();
    shared.memberName = "Ann";
    onFx(
        () -> {
          window.applySettings(window.settings().get().withProfile("Ann", null, "light", language));
          window.showBoard(shared);
          shared.setPeers(List.of(new Peer("bo0000000001", "Bo", "#2f9e44", "editor")));
        });
    robot.clickOn("#people-toggle");
    WaitForAsyncUtils.waitForFxEvents();
    return robot.lookup("#person-me0000000001").queryLabeled().getText();
  }

  @Test
  void twoPeopleOfOneColourAreDrawnApart(FxRobot robot) {
    FakeSharedSession shared = new FakeSharedSession();
    onFx(
        () -> {
          window
              .settings()
              .save(window.settings().get().withProfile("me", "#e03131", "light", "en"));
          window.showBoard(shared);
          // Ann was there before this user; Bo came after. All three chose red.
          shared.peersBeforeMe = 1;
          shared.setPeers(
              List.of(
                  new Peer("ann000000001", "Ann", "#e03131", "editor"),
                  new Peer("bo0000000001", "bo", "#E03131", "editor"),
                  new Peer("cy0000000001", "Cy", "#1971c2", "editor")));
          shared.presence("ann000000001", new Cursor(10, 20));
          shared.presence("bo0000000001", new Cursor(30, 40));
          shared.presence("cy0000000001", new Cursor(50, 60));
        });
    List<RemoteCursor> cursors =
        fx(
            () ->
                view().canvas().remoteCursors().stream()
                    .sorted(Comparator.comparing(RemoteCursor::name))
                    .toList());
    RemoteCursor ann = cursors.get(0);
    RemoteCursor cy = cursors.get(1);
    RemoteCursor bo = cursors.get(2);
    // The first to join keeps the colour as it is; the later ones get variants and initials.
    assertThat(ann.color()).isEqualTo("#e03131");
    assertThat(ann.initial()).isNull();
    assertThat(cy.color()).isEqualTo("#1971c2");
    assertThat(cy.initial()).isNull();
    assertThat(bo.initial()).isEqualTo("B");
    assertThat(bo.color()).isNotEqualTo("#e03131");

    robot.clickOn("#people-toggle");
    WaitForAsyncUtils.waitForFxEvents();
    // List order: this user, Ann, Bo, Cy. This user joined after Ann: a variant, with an initial.
    List<Color> dots = fx(() -> dotColors(robot));
    assertThat(dots).doesNotHaveDuplicates();
    assertThat(dots.get(1)).isEqualTo(Color.web("#e03131"));
    assertThat(dots.get(2)).isEqualTo(Color.web(bo.color()));
    assertThat(fx(() -> initials(robot))).containsExactly("M", null, "B", null);
  }

  @Test
  void fitKeepsTheContentBesideThePanels(FxRobot robot) {
    addRectangle("wide", -2000, -300, 4000, 600);
    robot.clickOn("#zoom-fit");
    WaitForAsyncUtils.waitForFxEvents();
    Bounds style = bounds(robot, "#style-panel");
    Bounds zoomBar = bounds(robot, ".zoom-bar");
    Bounds toolbar = bounds(robot, ".toolbar");
    double left = fx(() -> view().canvas().viewport().toScreenX(-2000));
    double right = fx(() -> view().canvas().viewport().toScreenX(2000));
    double top = fx(() -> view().canvas().viewport().toScreenY(-300));
    double bottom = fx(() -> view().canvas().viewport().toScreenY(300));
    assertThat(left).as("content's left edge").isGreaterThan(style.getMaxX());
    assertThat(right)
        .as("content's right edge")
        .isLessThanOrEqualTo(fx(() -> view().canvas().getWidth()));
    assertThat(top).as("content's top").isGreaterThan(toolbar.getMaxY());
    assertThat(bottom).as("content's bottom").isLessThan(zoomBar.getMinY());
    // The whole width that is left is used: centred between the style panel and the right edge.
    double freeMiddle =
        fx(() -> (view().canvas().freeArea().minX() + view().canvas().freeArea().maxX()) / 2);
    assertThat((left + right) / 2)
        .isCloseTo(freeMiddle, org.assertj.core.api.Assertions.within(1.0));
  }

  @Test
  void exportItemsSayWhetherTheyExportTheSelection(FxRobot robot) {
    addRectangle("box", 0, 0, 100, 100);
    MenuButton menu = robot.lookup("#main-menu").queryAs(MenuButton.class);
    assertThat(fx(() -> exportTexts(menu)))
        .containsExactly("Export as PNG…", "Export as SVG…", "Export as PDF…", "Export timelapse…");
    onFx(() -> view().model().selectAll());
    // The timelapse asks for its area in its own dialog, so its name does not change.
    assertThat(fx(() -> exportTexts(menu)))
        .containsExactly(
            "Export selection as PNG…",
            "Export selection as SVG…",
            "Export selection as PDF…",
            "Export timelapse…");
    onFx(
        () ->
            window.applySettings(
                window.settings().get().withProfile("Me", null, "light", "zh-CN")));
    assertThat(fx(() -> exportTexts(menu)).getFirst()).isEqualTo("将所选内容导出为 PNG…");
    onFx(() -> view().model().selection().clear());
    assertThat(fx(() -> exportTexts(menu)).getFirst()).isEqualTo("导出为 PNG…");
  }

  @Test
  void theDefaultInkSwatchIsLightOnTheDarkTheme(FxRobot robot) {
    Circle ink =
        (Circle) robot.lookup("#style-panel .swatch").queryAs(ToggleButton.class).getGraphic();
    assertThat(((Color) ink.getFill()).getBrightness()).isLessThan(0.3);
    onFx(() -> window.applySettings(window.settings().get().withProfile("Me", null, "dark", "en")));
    assertThat(fx(() -> ((Color) ink.getFill()).getBrightness())).isGreaterThan(0.7);
  }

  /** Issue 20: the version in Settings, and a bug report's diagnostics without any secret. */
  @Test
  void settingsNameTheVersionAndCopyDiagnosticsWithoutSecrets(FxRobot robot) throws Exception {
    java.nio.file.Path logs = dev.drawbridge.client.ui.app.LogDirectory.resolve();
    java.nio.file.Files.createDirectories(logs);
    java.nio.file.Files.writeString(
        logs.resolve("drawbridge.log"),
        "INFO opening drawbridge://10.0.0.5:7464/r?plain&token=eyJhbGciOiJI.eyJyb29t.c2ln\n");
    DialogPane pane = openSettings(robot);
    assertThat(fx(() -> ((javafx.scene.control.Label) pane.lookup("#settings-version")).getText()))
        .isEqualTo("Drawbridge " + dev.drawbridge.protocol.BuildInfo.version());

    onFx(() -> ((Button) pane.lookup("#copy-diagnostics")).fire());
    String copied = fx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString());
    assertThat(copied)
        .startsWith("Drawbridge " + dev.drawbridge.protocol.BuildInfo.version())
        .contains("INFO opening drawbridge://10.0.0.5:7464/r?plain&token=[redacted]")
        .doesNotContain("eyJhbGciOiJI");
    assertThat(
            fx(() -> ((javafx.scene.control.Label) pane.lookup("#diagnostics-copied")).getText()))
        .startsWith("Copied: versions, system");
    onFx(() -> ((Button) pane.lookupButton(ButtonType.CANCEL)).fire());
  }

  /**
   * The tool bar grew (notes, laser) and the people bar grows with the invite buttons: in a narrow
   * window they must not cover each other. The tool bar moves aside, and when that is not enough
   * the invite buttons drop their words; a wide window gets the words back.
   */
  @Test
  void theToolBarAndTheInviteButtonsNeverCoverEachOther(FxRobot robot) {
    onFx(() -> view().setInvites("drawbridge://h:1/r", "drawbridge://h:1/r", true));
    for (double width : new double[] {900, 1150, 1300, 1900, 900}) {
      onFx(() -> stage.setWidth(width));
      WaitForAsyncUtils.waitForFxEvents();
      WaitForAsyncUtils.waitForFxEvents();
      Bounds tools = fx(() -> screen(robot.lookup(".toolbar").query()));
      Bounds people = fx(() -> screen(robot.lookup(".people-bar").query()));
      Bounds menu = fx(() -> screen(robot.lookup("#main-menu").query()));
      assertThat(tools.getMaxX())
          .as("tool bar's right at %s px: %s %s %s", width, tools, people, menu)
          .isLessThan(people.getMinX());
      assertThat(tools.getMinX())
          .as("tool bar's left at %s px", width)
          .isGreaterThan(menu.getMaxX());
      String label =
          fx(() -> ((Button) robot.lookup("#copy-invite").query()).getContentDisplay().name());
      if (width == 900 || width == 1900) {
        assertThat(label)
            .as("invite button at %s px", width)
            .isEqualTo(width == 900 ? "GRAPHIC_ONLY" : "LEFT");
      }
    }
  }

  private static Bounds screen(Node n) {
    return n.localToScene(n.getLayoutBounds()); // the box, not its drop shadow
  }

  // ---- helpers --------------------------------------------------------------------------

  /** Opens Settings (its showAndWait runs later, on the FX thread) and returns its dialog pane. */
  private DialogPane openSettings(FxRobot robot) {
    Platform.runLater(() -> window.showSettings());
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !robot.lookup(".dialog-pane").queryAll().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
  }

  private static List<String> exportTexts(MenuButton menu) {
    return menu.getItems().stream()
        .filter(i -> i.getId() != null && i.getId().startsWith("export-"))
        .map(MenuItem::getText)
        .toList();
  }

  private static Bounds bounds(FxRobot robot, String query) {
    Node node = robot.lookup(query).query();
    return fx(() -> node.getBoundsInParent());
  }

  @SuppressWarnings("unchecked")
  private static List<ListCell<Peer>> cells(FxRobot robot) {
    ListView<Peer> list = robot.lookup("#people-panel .list-view").queryAs(ListView.class);
    list.layout();
    return list.lookupAll(".list-cell").stream()
        .map(n -> (ListCell<Peer>) n)
        .filter(c -> c.getItem() != null)
        .sorted(Comparator.comparingInt(ListCell::getIndex))
        .toList();
  }

  private static List<Color> dotColors(FxRobot robot) {
    return cells(robot).stream()
        .map(
            c ->
                (Color)
                    (c.getGraphic() instanceof Circle dot
                            ? dot
                            : (Circle)
                                ((Region) c.getGraphic()).getChildrenUnmodifiable().getFirst())
                        .getFill())
        .toList();
  }

  private static List<String> initials(FxRobot robot) {
    return cells(robot).stream()
        .map(
            c ->
                c.getGraphic() instanceof Region badge
                    ? ((Label) badge.getChildrenUnmodifiable().get(1)).getText()
                    : null)
        .toList();
  }
}
