package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.instance.SingleInstance;
import dev.drawbridge.client.ui.start.JoinForm;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.input.KeyCode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Invite links through the real window (issue 14): pasted into the join form, Ctrl+V on the start
 * screen, and handed to the running app by a second launch.
 */
@ExtendWith(ApplicationExtension.class)
class InviteLinkFxTest extends FxBoardTestBase {
  private static final String LINK = "drawbridge://10.0.0.5:7464/k3x9q7wz?plain&token=t0k.en";

  /** What the window asked to join, in order. */
  private final List<JoinForm> joined = new CopyOnWriteArrayList<>();

  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
    onFx(
        () ->
            window.setOpener(
                (form, settings) -> {
                  joined.add(form);
                  return new FakeSharedSession();
                }));
  }

  @Test
  void aLinkPastedIntoAnyJoinFieldFillsTheFormAndItsRoomWins(FxRobot robot) {
    showStartRemembering("ws://old.example:1", "old-room", "Ann", "old-token");
    for (String field : List.of("#join-server", "#join-room", "#join-name", "#join-token")) {
      onFx(
          () -> {
            robot.lookup("#join-server").queryTextInputControl().setText("ws://old.example:1");
            robot.lookup("#join-room").queryTextInputControl().setText("old-room");
            robot.lookup("#join-token").queryTextInputControl().setText("old-token");
          });
      putClipboardText(LINK);
      robot.clickOn(field);
      pasteKeys(robot);
      assertThat(fields(robot))
          .as(field)
          .containsExactly("ws://10.0.0.5:7464", "k3x9q7wz", "Ann", "t0k.en");
    }
    robot.clickOn("#join-button");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(joined).hasSize(1);
    assertThat(joined.getFirst().roomUrl()).hasToString("ws://10.0.0.5:7464/v1/rooms/k3x9q7wz");
    assertThat(joined.getFirst().token()).isEqualTo("t0k.en");
  }

  @Test
  void aPastedRoomAddressNoLongerOpensTheRememberedRoom(FxRobot robot) {
    // The bug in issue 14: the host's copied address, pasted while "old-room" was remembered.
    showStartRemembering("", "old-room", "Ann", "");
    putClipboardText("ws://10.0.0.5:7464/v1/rooms/board");
    robot.clickOn("#join-server");
    pasteKeys(robot);
    robot.clickOn("#join-button");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(joined)
        .extracting(f -> f.roomUrl().toString())
        .containsExactly("ws://10.0.0.5:7464/v1/rooms/board");
  }

  @Test
  void plainTextPastesAsUsualAndABrokenLinkIsExplainedWithoutChangingAnything(FxRobot robot) {
    showStartRemembering("ws://old.example:1", "old-room", "Ann", "");
    putClipboardText(" Bo");
    robot.clickOn("#join-name");
    pasteKeys(robot);
    assertThat(fields(robot)).containsExactly("ws://old.example:1", "old-room", "Ann Bo", "");
    putClipboardText("drawbridge://10.0.0.5:7464/bad room?plain");
    robot.clickOn("#join-server");
    pasteKeys(robot);
    assertThat(fields(robot)).containsExactly("ws://old.example:1", "old-room", "Ann Bo", "");
    assertThat(startError(robot)).startsWith("This invite link does not work: the room name");
  }

  @Test
  void ctrlVAnywhereOnTheStartScreenFillsTheFormFromTheClipboard(FxRobot robot) {
    showStartRemembering("ws://old.example:1", "old-room", "Ann", "");
    putClipboardText("just some notes");
    onFx(() -> robot.lookup("#join-button").query().requestFocus());
    pasteKeys(robot);
    assertThat(startError(robot)).startsWith("The clipboard holds no invite link.");
    assertThat(fields(robot)).containsExactly("ws://old.example:1", "old-room", "Ann", "");

    putClipboardText("  " + LINK + "\n");
    onFx(() -> robot.lookup("#join-button").query().requestFocus());
    pasteKeys(robot);
    assertThat(fields(robot)).containsExactly("ws://10.0.0.5:7464", "k3x9q7wz", "Ann", "t0k.en");
    assertThat(fx(() -> robot.lookup("#start-error").queryLabeled().isVisible())).isFalse();
  }

  @Test
  void aLinkHandedToTheRunningAppOpensThatBoardAndAsksBeforeLeavingASharedOne(FxRobot robot)
      throws Exception {
    onFx(() -> window.settings().save(window.settings().get().withJoin("", "", "Ann", "")));
    try (SingleInstance running = SingleInstance.claim(home).orElseThrow()) {
      onFx(() -> window.receiveHandOffs(running));
      // A second launch, as the browser starts it for a clicked link.
      assertThat(SingleInstance.claim(home)).isEmpty();
      assertThat(SingleInstance.handOff(home, List.of(LINK), Duration.ofSeconds(10))).isTrue();
      awaitJoined(1);
      assertThat(joined.getFirst().roomUrl()).hasToString("ws://10.0.0.5:7464/v1/rooms/k3x9q7wz");
      assertThat(joined.getFirst().name()).isEqualTo("Ann");
      assertThat(window.boardView()).isNotNull();
      assertThat(leaveGuardShown(robot)).isFalse(); // leaving the start screen needs no question

      // The same link again: already there, nothing to ask or reopen.
      assertThat(SingleInstance.handOff(home, List.of(LINK), Duration.ofSeconds(10))).isTrue();
      String other = "drawbridge://draw.example.org/design";
      assertThat(SingleInstance.handOff(home, List.of(other), Duration.ofSeconds(10))).isTrue();
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> leaveGuardShown(robot));
      assertThat(fx(() -> robot.lookup("#leave-text").queryLabeled().getText()))
          .contains("“team-room”");
      press("#leave-stay");
      assertThat(joined).hasSize(1);
      assertThat(leaveGuardShown(robot)).isFalse();

      assertThat(SingleInstance.handOff(home, List.of(other), Duration.ofSeconds(10))).isTrue();
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> leaveGuardShown(robot));
      press("#leave-confirm");
      awaitJoined(2);
      assertThat(joined.get(1).roomUrl()).hasToString("wss://draw.example.org/v1/rooms/design");

      // A link with a broken token: a plain message, and the board stays open.
      String broken = "drawbridge://draw.example.org/design?token=a%20b";
      assertThat(SingleInstance.handOff(home, List.of(broken), Duration.ofSeconds(10))).isTrue();
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> !robot.lookup("#toast").queryAll().isEmpty());
      assertThat(fx(() -> robot.lookup("#toast").queryLabeled().getText()))
          .startsWith("This invite link does not work: its invitation token is damaged.");
      assertThat(joined).hasSize(2);
      assertThat(window.boardView()).isNotNull();
    }
  }

  private void awaitJoined(int n) {
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> joined.size() >= n);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void showStartRemembering(String server, String room, String name, String token) {
    onFx(
        () -> {
          window.settings().save(window.settings().get().withJoin(server, room, name, token));
          window.showStart();
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Ctrl+V (Cmd+V on macOS) as the user types it. */
  private static void pasteKeys(FxRobot robot) {
    KeyCode shortcut =
        System.getProperty("os.name").startsWith("Mac") ? KeyCode.COMMAND : KeyCode.CONTROL;
    robot.press(shortcut).type(KeyCode.V).release(shortcut);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Server, room, name and token as the start screen shows them. */
  private static List<String> fields(FxRobot robot) {
    return fx(
        () ->
            List.of("#join-server", "#join-room", "#join-name", "#join-token").stream()
                .map(id -> robot.lookup(id).queryTextInputControl().getText())
                .toList());
  }

  private static String startError(FxRobot robot) {
    return fx(() -> robot.lookup("#start-error").queryLabeled().getText());
  }

  private boolean leaveGuardShown(FxRobot robot) {
    return fx(
        () -> {
          javafx.scene.Node guard = window.scene().getRoot().lookup("#leave-guard");
          return guard != null && guard.isVisible();
        });
  }

  /** Fired, not clicked: the guard is a card over the board. */
  private void press(String id) {
    onFx(() -> ((javafx.scene.control.Button) window.scene().getRoot().lookup(id)).fire());
    WaitForAsyncUtils.waitForFxEvents();
  }
}
