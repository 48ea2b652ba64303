package dev.drawbridge.client.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drawbridge.client.sync.SyncConfig;
import dev.drawbridge.client.ui.history.BoardPastActions;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Binding;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.relay.runtime.Relay;
import dev.drawbridge.relay.runtime.RelayConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore is ordinary ops (ADR 0011 point 5): against a real relay, Ana restores a past board
 * while Ben keeps drawing, moving and deleting; both members end with the same board, whoever won
 * each property (R42). Without a concurrent edit, the restored board shows what the past showed.
 */
class RestoreSyncTest {
  private static final String ROOM = "restore";

  @Test
  @Timeout(180)
  void aRestoreConvergesOnEveryMemberAlsoWhileAnotherEdits(@TempDir Path tmp) throws Exception {
    SyncConfig config = SyncConfig.defaults();
    try (Relay relay =
            Relay.start(
                RelayConfig.localDefaults(tmp.resolve("relay")).withBindAddress("127.0.0.1"));
        TestClient ana =
            new TestClient(
                "ana", "ws://127.0.0.1:" + relay.port(), ROOM, tmp.resolve("ana"), config);
        TestClient ben =
            new TestClient(
                "ben", "ws://127.0.0.1:" + relay.port(), ROOM, tmp.resolve("ben"), config)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> ana.synced() && ben.synced());
      RandomDrawing anaDraws = new RandomDrawing(171, "ana");
      RandomDrawing benDraws = new RandomDrawing(172, "ben");
      ana.onBoard(
          b -> {
            b.submit(
                new Op.AddElement(
                    Element.shape("box", ElementKind.RECTANGLE, 0, 0, 100, 60, Style.DEFAULT, 1)));
            b.submit(
                new Op.AddElement(
                    Element.shape("arrow", ElementKind.ARROW, 100, 30, 200, 0, Style.DEFAULT, 2)
                        .withBindings(Binding.to("box", 1, 0.5), null)));
          });
      for (int i = 0; i < 60; i++) {
        ana.onBoard(anaDraws::step);
        ben.onBoard(benDraws::step);
      }
      settle(ana, ben);
      BoardState past = ana.call(() -> ana.session.board().view().copy());
      for (int i = 0; i < 80; i++) {
        ana.onBoard(anaDraws::step);
        ben.onBoard(benDraws::step);
      }
      ana.onBoard(b -> b.submit(new Op.DeleteElement("box")));
      settle(ana, ben);
      BoardPastActions anaActions = ana.call(() -> actions(ana));

      // Alone: both members show the past (ids differ only for strokes that grew since).
      ana.run(() -> anaActions.restore(past));
      settle(ana, ben);
      assertThat(ben.wholeBoard()).isEqualTo(ana.wholeBoard());
      assertThat(ana.call(() -> ana.session.board().view().visibleElements().size()))
          .isEqualTo(past.visibleElements().size());
      assertThat(ana.call(() -> ana.session.board().view().get("arrow")))
          .isEqualTo(past.get("arrow"));

      // Again, to an emptier past, while Ben edits between and after Ana's ops.
      BoardState empty = new BoardState();
      for (int i = 0; i < 30; i++) {
        ben.onBoard(benDraws::step);
        if (i == 10) {
          ana.run(() -> anaActions.restore(empty));
        }
      }
      settle(ana, ben);
      assertThat(ben.hash()).isEqualTo(ana.hash());
      assertThat(ben.wholeBoard()).isEqualTo(ana.wholeBoard());

      // Undo of the restore converges too.
      ana.onBoard(b -> b.undo());
      settle(ana, ben);
      assertThat(ben.wholeBoard()).isEqualTo(ana.wholeBoard());
    }
  }

  private static BoardPastActions actions(TestClient client) {
    return new BoardPastActions(
        client.session, elements -> true, changed -> true, (error, key, args) -> {});
  }

  private static void settle(TestClient ana, TestClient ben) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              long head = Math.max(ana.confirmedSeq(), ben.confirmedSeq());
              return ana.settledAt(head) && ben.settledAt(head);
            });
  }
}
