package dev.drawbridge.relay.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.Cursor;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.room.RoomLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R11/R25 under churn: writers stream ops while other members join (at random lastSeqs), send
 * presence and leave, over and over. Every op is acked once, every member that stays sees a
 * gap-free sequence, and a final joiner catches up on everything.
 */
class ChurnTest {
  @TempDir Path dir;

  @Test
  void r11_r25_membersComingAndGoingNeverBreakTheOrder() throws Exception {
    try (RelayFixture fx =
        new RelayFixture(
            dir,
            c ->
                c.withMaxConnectionsPerIp(1000)
                    .withLimits(RoomLimits.defaults().withSnapshotEvery(25)))) {
      int writers = 3;
      int opsEach = 150;
      List<TestPeer> ws = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        TestPeer w = fx.peer("churn");
        w.joinAndSync(0);
        ws.add(w);
      }
      AtomicReference<Throwable> failure = new AtomicReference<>();
      List<Thread> threads = new ArrayList<>();
      for (TestPeer w : ws) {
        threads.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      for (int i = 0; i < opsEach; i++) {
                        w.submitStroke(w.clientId + "-" + i, w.clientId + "-e" + i);
                        if (i % 10 == 0) {
                          Thread.onSpinWait();
                        }
                      }
                    }));
      }
      for (int j = 0; j < 2; j++) {
        long seed = j;
        threads.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      Random random = new Random(seed);
                      try {
                        for (int round = 0; round < 8; round++) {
                          TestPeer p = fx.peer("churn");
                          long lastSeq = random.nextInt(50);
                          ServerMessage.Welcome welcome = p.join(lastSeq);
                          // R11/R12: ops resume right after the snapshot, or after lastSeq.
                          long last =
                              welcome.snapshot() != null ? welcome.snapshot().seq() : lastSeq;
                          p.send(new ClientMessage.Presence(new Cursor(round, round), List.of()));
                          for (int k = 0; k < 20 + random.nextInt(40); k++) {
                            ServerMessage m = p.next();
                            if (m instanceof ServerMessage.OpBroadcast op) {
                              assertThat(op.seq())
                                  .as("gap-free after %d", last)
                                  .isEqualTo(last + 1);
                              last = op.seq();
                            }
                            if (m instanceof ServerMessage.Synced
                                && welcome.headSeq() >= (long) writers * opsEach) {
                              break;
                            }
                          }
                          p.closeBlocking();
                        }
                      } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                      }
                    }));
      }
      for (Thread t : threads) {
        t.join(120_000);
      }
      assertThat(failure.get()).isNull();
      int total = writers * opsEach;
      for (TestPeer w : ws) {
        int acks = 0;
        List<Long> seen = new ArrayList<>();
        while (acks + seen.size() < total) {
          ServerMessage m = w.next();
          if (m instanceof ServerMessage.Ack ack) {
            assertThat(ack.duplicate()).isFalse();
            acks++;
          } else if (m instanceof ServerMessage.OpBroadcast op) {
            seen.add(op.seq());
          }
        }
        assertThat(acks).isEqualTo(opsEach);
        assertThat(seen).isSorted().doesNotHaveDuplicates().hasSize(total - opsEach);
      }
      TestPeer last = fx.peer("churn");
      ServerMessage.Welcome welcome = last.join(0);
      assertThat(welcome.headSeq()).isEqualTo(total);
      long next = welcome.snapshot() == null ? 1 : welcome.snapshot().seq() + 1;
      while (true) {
        ServerMessage m = last.next();
        if (m instanceof ServerMessage.Synced synced) {
          assertThat(synced.seq()).isEqualTo(total);
          break;
        }
        if (m instanceof ServerMessage.OpBroadcast op) {
          assertThat(op.seq()).isEqualTo(next++);
        }
      }
      assertThat(next - 1).isEqualTo(total);
    }
  }
}
