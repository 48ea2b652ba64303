package dev.drawbridge.client.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drawbridge.client.sync.SyncConfig;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.board.Connectors;
import dev.drawbridge.protocol.element.Binding;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.relay.runtime.Relay;
import dev.drawbridge.relay.runtime.RelayConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two members against a real relay (docs/protocol.md R100–R105): Ana drags the shape an arrow is
 * bound to while Ben drags the arrow's other end, concurrently and many times; then one deletes the
 * shape while the other re-binds. Both boards end with the same hash and draw the arrow at the same
 * place.
 */
class ConnectorSyncTest {
  private static final String ROOM = "connectors";

  @Test
  @Timeout(120)
  void concurrentMovesOfTheTargetAndTheOtherEndConverge(@TempDir Path tmp) throws Exception {
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
      ana.onBoard(
          b -> {
            b.submit(
                new Op.AddElement(
                    Element.shape("box", ElementKind.RECTANGLE, 0, 0, 100, 60, Style.DEFAULT, 1)));
            b.submit(
                new Op.AddElement(
                    Element.shape("box2", ElementKind.ELLIPSE, 400, 0, 80, 80, Style.DEFAULT, 2)));
            b.submit(
                new Op.AddElement(
                    Element.shape("arrow", ElementKind.ARROW, 100, 30, 200, 0, Style.DEFAULT, 3)
                        .withBindings(Binding.to("box", 1, 0.5), null)));
          });
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> ben.call(() -> ben.session.board().view().get("arrow")) != null);

      Random random = new Random(16);
      for (int i = 0; i < 40; i++) {
        double x = random.nextInt(600) - 300;
        double y = random.nextInt(600) - 300;
        double ex = random.nextInt(800) - 400;
        double ey = random.nextInt(800) - 400;
        // Each from its own view, without waiting for the other: a drag step on both sides.
        ana.onBoard(b -> b.submit(new Op.UpdateElement("box", ElementPatch.move(x, y))));
        ben.onBoard(
            b -> {
              Element arrow = b.view().get("arrow");
              double[] ends = Connectors.ends(arrow, b.view());
              b.submit(
                  new Op.UpdateElement(
                      "arrow",
                      ElementPatch.move(ends[0], ends[1])
                          .withSize(ex - ends[0], ey - ends[1])
                          .withEndBinding(Binding.FREE)));
            });
      }
      // Delete the target on one side while the other re-binds the start to it and the end to
      // the other shape.
      ana.onBoard(b -> b.submit(new Op.DeleteElement("box")));
      ben.onBoard(
          b ->
              b.submit(
                  new Op.UpdateElement(
                      "arrow",
                      ElementPatch.NONE
                          .withStartBinding(Binding.to("box", 0, 0))
                          .withEndBinding(Binding.to("box2", 0, 0.5)))));

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                long head = Math.max(ana.confirmedSeq(), ben.confirmedSeq());
                return ana.settledAt(head) && ben.settledAt(head);
              });
      assertThat(ben.hash()).isEqualTo(ana.hash());
      assertThat(ben.wholeBoard()).isEqualTo(ana.wholeBoard());
      BoardState a = ana.call(() -> ana.session.board().view().copy());
      BoardState b = ben.call(() -> ben.session.board().view().copy());
      assertThat(Connectors.ends(b.get("arrow"), b))
          .containsExactly(Connectors.ends(a.get("arrow"), a));
      // The start's target is deleted: free at its stored point; the end sits on box2's left edge.
      double[] ends = Connectors.ends(a.get("arrow"), a);
      assertThat(ends[0]).isEqualTo(a.get("arrow").x());
      assertThat(new double[] {ends[2], ends[3]}).containsExactly(400, 40);
    }
  }
}
