package dev.drawbridge.relay.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.Cursor;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.auth.Role;
import dev.drawbridge.relay.room.RoomLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay's side of the protocol over real sockets, by rule number. */
class RelayProtocolTest {
  @TempDir Path dir;
  RelayFixture fx;

  @BeforeEach
  void start() throws Exception {
    fx = new RelayFixture(dir, c -> c.withLimits(RoomLimits.defaults().withSnapshotEvery(5)));
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void r10_r19_welcomeListsPeersAndOthersHearJoinedAndLeft() throws Exception {
    TestPeer a = fx.peer("r1");
    ServerMessage.Welcome wa = a.join(0);
    assertThat(wa.headSeq()).isZero();
    assertThat(wa.role()).isEqualTo("editor");
    assertThat(wa.peers()).isEmpty();
    assertThat(wa.reset()).isFalse();
    assertThat(a.next()).isEqualTo(new ServerMessage.Synced(0));

    TestPeer b = fx.peer("r1", Role.VIEWER);
    ServerMessage.Welcome wb = b.join(0);
    assertThat(wb.role()).isEqualTo("viewer");
    assertThat(wb.peers()).extracting(p -> p.clientId()).containsExactly(a.clientId);
    assertThat(a.next(ServerMessage.Joined.class).peer().clientId()).isEqualTo(b.clientId);
    assertThat(a.received).isEmpty();

    b.closeBlocking();
    assertThat(a.next(ServerMessage.Left.class).clientId()).isEqualTo(b.clientId);
  }

  @Test
  void r13_r14_senderGetsAckOthersGetTheOpInSeqOrder() throws Exception {
    TestPeer a = fx.peer("r2");
    TestPeer b = fx.peer("r2");
    a.joinAndSync(0);
    b.joinAndSync(0);
    a.nextOf(ServerMessage.Joined.class);
    for (int i = 1; i <= 20; i++) {
      a.submitStroke("a-op" + i, "a-e" + i);
    }
    for (int i = 1; i <= 20; i++) {
      assertThat(a.next()).isEqualTo(new ServerMessage.Ack("a-op" + i, i, false));
      ServerMessage.OpBroadcast op = b.next(ServerMessage.OpBroadcast.class);
      assertThat(op.seq()).isEqualTo(i);
      assertThat(op.id()).isEqualTo("a-op" + i);
      assertThat(op.clientId()).isEqualTo(a.clientId);
      assertThat(op.op()).isEqualTo(TestPeer.stroke("a-e" + i));
    }
    // R14: the sender never gets its own op back.
    assertThat(a.received).isEmpty();
  }

  @Test
  void r15_replayedOpIdIsAckedWithItsOriginalSeqAndNotBroadcast() throws Exception {
    TestPeer a = fx.peer("r3");
    TestPeer b = fx.peer("r3");
    a.joinAndSync(0);
    b.joinAndSync(0);
    a.nextOf(ServerMessage.Joined.class);
    a.submitStroke("x1", "e1");
    a.submitStroke("x2", "e2");
    assertThat(a.next()).isEqualTo(new ServerMessage.Ack("x1", 1, false));
    assertThat(a.next()).isEqualTo(new ServerMessage.Ack("x2", 2, false));
    a.submitStroke("x1", "e1");
    assertThat(a.next()).isEqualTo(new ServerMessage.Ack("x1", 1, true));
    // After a reconnect too (the id is looked up in the log).
    a.closeBlocking();
    TestPeer a2 = fx.peer("r3");
    a2.joinAndSync(2);
    a2.submitStroke("x2", "e2");
    assertThat(a2.next()).isEqualTo(new ServerMessage.Ack("x2", 2, true));
    a2.submitStroke("x3", "e3");
    assertThat(a2.next()).isEqualTo(new ServerMessage.Ack("x3", 3, false));
    List<Long> seen = new ArrayList<>();
    while (seen.size() < 3) {
      if (b.next() instanceof ServerMessage.OpBroadcast op) {
        seen.add(op.seq());
      }
    }
    assertThat(seen).containsExactly(1L, 2L, 3L);
    a2.awaitDurable(3);
    assertThat(fx.relay.rooms().headSeq("r3")).isEqualTo(3);
  }

  @Test
  void r11_catchUpSendsSnapshotThenLaterOpsThenSynced() throws Exception {
    TestPeer a = fx.peer("r4");
    a.joinAndSync(0);
    // Snapshots (every 5 ops here) are saved in the background and joiners get one once it is
    // saved; waiting for each makes the next one due at a known seq.
    for (int i = 1; i <= 12; i++) {
      a.submitStroke("op" + i, "e" + i);
      a.next(ServerMessage.Ack.class);
      if (i % 5 == 0) {
        long seq = i;
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> fx.relay.rooms().snapshotSeq("r4") == seq);
      }
    }
    // Each saved snapshot is timed for operators.
    assertThat(fx.relay.scrapeMetrics()).contains("drawbridge_snapshots_seconds_count 2\n");
    // lastSeq 0 < newest snapshot (seq 10): snapshot at 10, then ops 11 and 12.
    TestPeer b = fx.peer("r4");
    ServerMessage.Welcome w = b.join(0);
    assertThat(w.headSeq()).isEqualTo(12);
    assertThat(w.snapshot()).isNotNull();
    assertThat(w.snapshot().seq()).isEqualTo(10);
    assertThat(w.snapshot().elements()).hasSize(10);
    assertThat(b.next(ServerMessage.OpBroadcast.class).seq()).isEqualTo(11);
    assertThat(b.next(ServerMessage.OpBroadcast.class).seq()).isEqualTo(12);
    assertThat(b.next()).isEqualTo(new ServerMessage.Synced(12, "op12"));

    // lastSeq at or after the snapshot: no snapshot, just the ops after lastSeq.
    TestPeer c = fx.peer("r4");
    ServerMessage.Welcome wc = c.join(10);
    assertThat(wc.snapshot()).isNull();
    assertThat(c.next(ServerMessage.OpBroadcast.class).seq()).isEqualTo(11);
    assertThat(c.next(ServerMessage.OpBroadcast.class).seq()).isEqualTo(12);
    assertThat(c.next()).isEqualTo(new ServerMessage.Synced(12, "op12"));

    // Up to date: nothing but synced.
    TestPeer d = fx.peer("r4");
    d.join(12);
    assertThat(d.next()).isEqualTo(new ServerMessage.Synced(12, "op12"));
  }

  @Test
  void r12_lastSeqAheadOfHeadGetsResetWithFullBoard() throws Exception {
    TestPeer a = fx.peer("r5");
    a.joinAndSync(0);
    a.submitStroke("op1", "e1");
    a.next(ServerMessage.Ack.class);
    TestPeer b = fx.peer("r5");
    ServerMessage.Welcome w = b.join(99);
    assertThat(w.reset()).isTrue();
    assertThat(w.snapshot().seq()).isEqualTo(1);
    assertThat(w.snapshot().elements()).extracting(e -> e.id()).containsExactly("e1");
    assertThat(b.next()).isEqualTo(new ServerMessage.Synced(1, "op1"));
  }

  @Test
  void r16_viewerOpIsNackedAndNotStored() throws Exception {
    TestPeer editor = fx.peer("r6");
    editor.joinAndSync(0);
    TestPeer viewer = fx.peer("r6", Role.VIEWER);
    viewer.joinAndSync(0);
    viewer.submitStroke("v1", "ve1");
    assertThat(viewer.next()).isEqualTo(new ServerMessage.Nack("v1", "viewer", 0));
    editor.submitStroke("e1", "ee1");
    assertThat(editor.nextOf(ServerMessage.Ack.class).seq()).isEqualTo(1);
    assertThat(viewer.next(ServerMessage.OpBroadcast.class).id()).isEqualTo("e1");
  }

  @Test
  void r18_presenceIsRelayedToOthersAndThrottled() throws Exception {
    TestPeer a = fx.peer("r7");
    TestPeer b = fx.peer("r7");
    a.joinAndSync(0);
    b.joinAndSync(0);
    a.nextOf(ServerMessage.Joined.class);
    a.send(new ClientMessage.Presence(new Cursor(5, 6), List.of("e1")));
    ServerMessage.PresenceBroadcast p = b.next(ServerMessage.PresenceBroadcast.class);
    assertThat(p)
        .isEqualTo(
            new ServerMessage.PresenceBroadcast(a.clientId, new Cursor(5, 6), List.of("e1")));
    // A burst far above ~30/s: the excess is dropped, not queued.
    for (int i = 0; i < 300; i++) {
      a.send(new ClientMessage.Presence(new Cursor(i, i), List.of()));
    }
    a.send(new ClientMessage.Ping(42));
    assertThat(a.next()).isEqualTo(new ServerMessage.Pong(42));
    a.submitStroke("marker", "m");
    int relayed = 0;
    while (!(b.next() instanceof ServerMessage.OpBroadcast)) {
      relayed++;
    }
    assertThat(relayed).isBetween(1, 100);
    assertThat(a.received.stream().filter(m -> m instanceof ServerMessage.PresenceBroadcast))
        .isEmpty();
  }

  @Test
  void r20_pingIsAnsweredWithPong() throws Exception {
    TestPeer a = fx.peer("r8");
    a.joinAndSync(0);
    a.send(new ClientMessage.Ping(123456789));
    assertThat(a.next()).isEqualTo(new ServerMessage.Pong(123456789));
  }

  @Test
  void r25_concurrentSendersAllMembersSeeGapFreeOrder() throws Exception {
    int n = 4;
    int perPeer = 50;
    List<TestPeer> peers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      TestPeer p = fx.peer("r9");
      p.joinAndSync(0);
      peers.add(p);
    }
    List<Thread> senders = new ArrayList<>();
    for (TestPeer p : peers) {
      senders.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; i < perPeer; i++) {
                      p.submitStroke(p.clientId + "-" + i, p.clientId + "-e" + i);
                    }
                  }));
    }
    for (Thread t : senders) {
      t.join();
    }
    int total = n * perPeer;
    for (TestPeer p : peers) {
      Set<Long> mine = new HashSet<>();
      List<Long> seqs = new ArrayList<>();
      while (seqs.size() + mine.size() < total) {
        ServerMessage m = p.next();
        if (m instanceof ServerMessage.OpBroadcast op) {
          seqs.add(op.seq());
        } else if (m instanceof ServerMessage.Ack ack) {
          assertThat(mine.add(ack.seq())).isTrue();
        }
      }
      assertThat(seqs).isSorted().doesNotHaveDuplicates().doesNotContainAnyElementsOf(mine);
      Set<Long> all = new HashSet<>(seqs);
      all.addAll(mine);
      assertThat(all).hasSize(total).allMatch(s -> s >= 1 && s <= total);
    }
  }

  @Test
  void r5_r6_helloFirstAndVersionCheck() throws Exception {
    TestPeer early = fx.peer("r10");
    assertThat(early.open()).isTrue();
    early.send(new ClientMessage.Ping(1));
    ServerMessage.Error refusal = early.next(ServerMessage.Error.class);
    assertThat(refusal.code()).isEqualTo("op_before_hello");
    assertThat(refusal.ref()).isEqualTo("ping");
    assertThat(early.awaitClose().code()).isEqualTo(CloseCodes.MALFORMED);

    TestPeer drawsFirst = fx.peer("r10");
    assertThat(drawsFirst.open()).isTrue();
    drawsFirst.submitStroke("first", "e-first");
    assertThat(drawsFirst.next(ServerMessage.Error.class))
        .extracting(ServerMessage.Error::code, ServerMessage.Error::ref)
        .containsExactly("op_before_hello", "op");
    assertThat(drawsFirst.awaitClose().code()).isEqualTo(CloseCodes.MALFORMED);

    TestPeer future = fx.peer("r10");
    assertThat(future.open()).isTrue();
    future.send(new ClientMessage.Hello(99, future.clientId, "f", "#000000", 0));
    TestPeer.Close close = future.awaitClose();
    assertThat(close.code()).isEqualTo(CloseCodes.VERSION_NOT_SUPPORTED);
    assertThat(close.reason()).isEqualTo("SERVER_TOO_OLD");

    TestPeer old = fx.peer("r10");
    assertThat(old.open()).isTrue();
    old.send(new ClientMessage.Hello(0, old.clientId, "o", "#000000", 0));
    assertThat(old.awaitClose().reason()).isEqualTo("CLIENT_TOO_OLD");
  }

  @Test
  void r23_shutdownClosesEveryoneWith1001() throws Exception {
    TestPeer a = fx.peer("r11");
    a.joinAndSync(0);
    a.submitStroke("op1", "e1");
    a.next(ServerMessage.Ack.class);
    fx.relay.close();
    assertThat(a.awaitClose().code()).isEqualTo(CloseCodes.GOING_AWAY);
  }

  @Test
  void metricsEndpointServesHealthAndPrometheusText() throws Exception {
    TestPeer a = fx.peer("r12");
    a.joinAndSync(0);
    a.submitStroke("op1", "e1");
    a.next(ServerMessage.Ack.class);
    var http = java.net.http.HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + fx.relay.metricsPort();
    var health =
        http.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/healthz")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              var metrics =
                  http.send(
                      java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/metrics"))
                          .build(),
                      java.net.http.HttpResponse.BodyHandlers.ofString());
              assertThat(metrics.body())
                  .contains("drawbridge_ops_in_total 1.0")
                  .contains("drawbridge_connections")
                  .contains("drawbridge_rooms")
                  .contains("drawbridge_catchup_seconds");
            });
    TimeUnit.MILLISECONDS.sleep(0);
  }
}
