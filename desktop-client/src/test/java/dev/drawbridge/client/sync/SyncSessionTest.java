package dev.drawbridge.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.model.PendingOp;
import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.Peer;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncSessionTest {
  @TempDir Path dir;

  private static Op add(String id) {
    return new Op.AddElement(
        Element.freehand(id, ElementKind.STROKE, 0, 0, Points.of(0, 0), Style.DEFAULT, 1));
  }

  private static Op.AddElement rect(String id) {
    return new Op.AddElement(
        Element.shape(id, ElementKind.RECTANGLE, 0, 0, 10, 10, Style.DEFAULT, 1));
  }

  private static List<String> ids(List<ClientMessage.SubmitOp> ops) {
    return ops.stream().map(ClientMessage.SubmitOp::id).toList();
  }

  @Test
  void connectsSaysHelloWithLastSeqAndGetsSynced() {
    try (SessionHarness h = new SessionHarness(dir)) {
      assertThat(h.session.state()).isInstanceOf(ConnectionState.Connecting.class);
      assertThat(h.transport.connects).containsExactly(SessionHarness.REQUEST.roomUri());
      assertThat(h.transport.headers.getFirst()).containsEntry("Authorization", "Bearer tok");
      h.transport.open();
      assertThat(h.session.state()).isInstanceOf(ConnectionState.Syncing.class);
      ClientMessage.Hello hello = h.transport.sent(ClientMessage.Hello.class).getFirst();
      assertThat(hello.lastSeq()).isZero();
      assertThat(hello.clientId()).isEqualTo(h.session.clientId());
      Peer bob = new Peer("bob", "Bob", "#445566", "editor");
      h.transport.receive(new ServerMessage.Welcome("s1", 2, "editor", List.of(bob), null, false));
      h.transport.receive(new ServerMessage.OpBroadcast(1, "o1", "bob", rect("r1")));
      h.transport.receive(new ServerMessage.OpBroadcast(2, "o2", "bob", rect("r2")));
      h.transport.receive(new ServerMessage.Synced(2));
      assertThat(h.session.state()).isInstanceOf(ConnectionState.Synced.class);
      assertThat(h.board().confirmedSeq()).isEqualTo(2);
      assertThat(h.session.peers()).containsExactly(bob);
      h.transport.receive(new ServerMessage.Left("bob"));
      assertThat(h.session.peers()).isEmpty();
    }
  }

  /** Every screen agrees who joined first (R19): it decides who keeps a shared colour. */
  @Test
  void peersAreInJoinOrderAndKnowWhoCameBeforeThisUser() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.transport.open();
      Peer ann = new Peer("ann", "Ann", "#e03131", "editor");
      Peer bob = new Peer("bob", "Bob", "#e03131", "editor");
      Peer cy = new Peer("cy", "Cy", "#e03131", "editor");
      h.transport.receive(
          new ServerMessage.Welcome("s1", 0, "editor", List.of(ann, bob), null, false));
      h.transport.receive(new ServerMessage.Joined(cy));
      assertThat(h.session.peers()).containsExactly(ann, bob, cy);
      assertThat(h.session.peersBeforeMe()).isEqualTo(2);
      // Bob comes back after a drop of his own: he joined after this user now.
      h.transport.receive(new ServerMessage.Left("bob"));
      h.transport.receive(new ServerMessage.Joined(bob));
      assertThat(h.session.peers()).containsExactly(ann, cy, bob);
      assertThat(h.session.peersBeforeMe()).isEqualTo(1);
    }
  }

  @Test
  void theStatusCountsChangedElementsNotOps() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      h.transport.dropFromServer(1006, "gone");
      h.board().submit(add("s"));
      for (int i = 0; i < 20; i++) {
        h.board().submit(new Op.AppendPoints("s", Points.of(i, i)));
      }
      h.board().submit(rect("r"));
      // One stroke drawn offline is 21 ops but one change; the rectangle is the second.
      assertThat(h.session.pendingCount()).isEqualTo(22);
      assertThat(h.pendingCounts).last().isEqualTo(2);
    }
  }

  @Test
  void localOpIsSentAfterSyncAndAckClearsIt() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      String id = h.board().submit(rect("r1"));
      List<ClientMessage.SubmitOp> sent = h.transport.sent(ClientMessage.SubmitOp.class);
      assertThat(ids(sent)).containsExactly(id);
      assertThat(h.session.pendingCount()).isEqualTo(1);
      h.transport.receive(new ServerMessage.Ack(id, 1, false));
      assertThat(h.session.pendingCount()).isZero();
      assertThat(h.board().confirmed().get("r1")).isNotNull();
      assertThat(h.pendingCounts).endsWith(1, 0);
    }
  }

  @Test
  void opsDrawnOfflineAreSentInOrderAfterSyncedAndOnlyThen() {
    try (SessionHarness h = new SessionHarness(dir)) {
      String a = h.board().submit(rect("a"));
      String b = h.board().submit(new Op.UpdateElement("a", ElementPatch.move(3, 4)));
      String c = h.board().submit(rect("c"));
      h.transport.open();
      h.transport.receive(new ServerMessage.Welcome("s1", 1, "editor", List.of(), null, false));
      h.transport.receive(new ServerMessage.OpBroadcast(1, "x", "bob", rect("z")));
      assertThat(h.transport.sent(ClientMessage.SubmitOp.class)).isEmpty();
      h.transport.receive(new ServerMessage.Synced(1));
      assertThat(ids(h.transport.sent(ClientMessage.SubmitOp.class))).containsExactly(a, b, c);
    }
  }

  @Test
  void resendAfterReconnectUsesSameIdsAndDuplicateAcksAreHarmless() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      String a = h.board().submit(rect("a"));
      String b = h.board().submit(rect("b"));
      // The relay stored a at seq 1 but the connection died before the ack arrived.
      h.transport.dropFromServer(1006, "gone");
      assertThat(h.session.state()).isInstanceOf(ConnectionState.Reconnecting.class);
      h.scheduler.advance(Duration.ofSeconds(2));
      assertThat(h.transport.connects).hasSize(2);
      h.transport.clearSent();
      h.transport.open();
      assertThat(h.transport.sent(ClientMessage.Hello.class).getFirst().lastSeq()).isZero();
      h.transport.receive(new ServerMessage.Welcome("s2", 1, "editor", List.of(), null, false));
      // Catch-up includes our own op a: it is confirmed and no longer pending.
      h.transport.receive(new ServerMessage.OpBroadcast(1, a, h.session.clientId(), rect("a")));
      assertThat(h.session.pendingCount()).isEqualTo(1);
      h.transport.receive(new ServerMessage.Synced(1));
      assertThat(ids(h.transport.sent(ClientMessage.SubmitOp.class))).containsExactly(b);
      h.transport.receive(new ServerMessage.Ack(b, 2, false));
      h.transport.receive(new ServerMessage.Ack(b, 2, true));
      h.transport.receive(new ServerMessage.Ack(a, 1, true));
      assertThat(h.session.pendingCount()).isZero();
      assertThat(h.board().confirmedSeq()).isEqualTo(2);
      assertThat(h.board().view().hash()).isEqualTo(h.board().confirmed().hash());
    }
  }

  @Test
  void snapshotCatchUpReplacesConfirmedBoardAndKeepsPendingOps() {
    try (SessionHarness h = new SessionHarness(dir)) {
      String mine = h.board().submit(rect("mine"));
      h.transport.open();
      BoardSnapshot snap =
          new BoardSnapshot(
              50, List.of(Element.shape("s", ElementKind.ELLIPSE, 0, 0, 1, 1, Style.DEFAULT, 1)));
      h.transport.receive(new ServerMessage.Welcome("s1", 50, "editor", List.of(), snap, false));
      h.transport.receive(new ServerMessage.Synced(50));
      assertThat(h.board().confirmedSeq()).isEqualTo(50);
      assertThat(h.board().view().get("s")).isNotNull();
      assertThat(h.board().view().get("mine")).isNotNull();
      assertThat(ids(h.transport.sent(ClientMessage.SubmitOp.class))).containsExactly(mine);
    }
  }

  @Test
  void resetWelcomeReplacesABoardThatIsAheadOfTheRelay() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      h.transport.receive(new ServerMessage.OpBroadcast(1, "x1", "bob", rect("x1")));
      h.transport.receive(new ServerMessage.OpBroadcast(2, "x2", "bob", rect("x2")));
      h.transport.dropFromServer(1001, "restart");
      h.scheduler.advance(Duration.ofSeconds(2));
      h.transport.open();
      BoardSnapshot snap = new BoardSnapshot(1, List.of(rect("x1").element()));
      h.transport.receive(new ServerMessage.Welcome("s2", 1, "editor", List.of(), snap, true));
      h.transport.receive(new ServerMessage.Synced(1));
      assertThat(h.board().confirmedSeq()).isEqualTo(1);
      assertThat(h.board().view().get("x2")).isNull();
    }
  }

  @Test
  void aResetRedrawsWhatThisUserDrewThatTheRelayLost() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      String me = h.session.clientId();
      Element mine =
          Element.shape("mine", ElementKind.RECTANGLE, 5, 5, 10, 10, Style.DEFAULT, 1)
              .withAuthor(me);
      String id = h.board().submit(new Op.AddElement(mine));
      h.transport.receive(new ServerMessage.Ack(id, 1, false));
      h.transport.receive(new ServerMessage.OpBroadcast(2, "x2", "bob", rect("theirs")));
      h.transport.dropFromServer(1001, "restart");
      h.scheduler.advance(Duration.ofSeconds(2));
      h.transport.clearSent();
      h.transport.open();
      // The relay was restored from a backup that has neither element.
      h.transport.receive(
          new ServerMessage.Welcome(
              "s2", 0, "editor", List.of(), new BoardSnapshot(0, List.of()), true));
      h.transport.receive(new ServerMessage.Synced(0));
      List<ClientMessage.SubmitOp> resent = h.transport.sent(ClientMessage.SubmitOp.class);
      assertThat(resent).hasSize(1);
      assertThat(resent.getFirst().op()).isEqualTo(new Op.AddElement(mine));
      assertThat(h.board().view().get("mine")).isNotNull();
      assertThat(h.board().view().get("theirs")).isNull();
    }
  }

  @Test
  void retryableNackResendsFromThatOpInOrderAfterTheDelay() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      String a = h.board().submit(rect("a"));
      String b = h.board().submit(rect("b"));
      String c = h.board().submit(rect("c"));
      h.transport.receive(new ServerMessage.Ack(a, 1, false));
      h.transport.receive(new ServerMessage.Nack(b, "rate_limited", 500));
      h.transport.clearSent();
      String d = h.board().submit(rect("d"));
      assertThat(h.transport.sent(ClientMessage.SubmitOp.class)).isEmpty();
      h.scheduler.advance(Duration.ofMillis(499));
      assertThat(h.transport.sent(ClientMessage.SubmitOp.class)).isEmpty();
      h.scheduler.advance(Duration.ofMillis(1));
      assertThat(ids(h.transport.sent(ClientMessage.SubmitOp.class))).containsExactly(b, c, d);
      assertThat(h.rejected).isEmpty();
    }
  }

  @Test
  void aBurstOfRefusalsResendsTheEarliestRefusedOpToo() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      String a = h.board().submit(rect("a"));
      String b = h.board().submit(rect("b"));
      String c = h.board().submit(rect("c"));
      h.transport.receive(new ServerMessage.Nack(a, "rate_limited", 100));
      h.transport.receive(new ServerMessage.Nack(c, "rate_limited", 100));
      h.transport.receive(new ServerMessage.Ack(b, 1, false));
      h.transport.clearSent();
      h.scheduler.advance(Duration.ofMillis(100));
      assertThat(ids(h.transport.sent(ClientMessage.SubmitOp.class))).containsExactly(a, c);
    }
  }

  @Test
  void finalNackDropsTheOpAndTellsTheUser() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      String a = h.board().submit(rect("a"));
      h.transport.receive(new ServerMessage.Nack(a, "viewer", 0));
      assertThat(h.rejected).containsExactly(a);
      assertThat(h.session.pendingCount()).isZero();
      assertThat(h.board().view().get("a")).isNull();
    }
    // Gone from the journal too: a restart does not resurrect it.
    try (SessionHarness h = new SessionHarness(dir)) {
      assertThat(h.board().pendingOps()).isEmpty();
    }
  }

  @Test
  void sendWindowLimitsOpsInFlight() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      for (int i = 0; i < 20; i++) {
        h.board().submit(rect("r" + i));
      }
      List<ClientMessage.SubmitOp> sent = h.transport.sent(ClientMessage.SubmitOp.class);
      assertThat(sent).hasSize(SessionHarness.CONFIG.sendWindow());
      h.transport.receive(new ServerMessage.Ack(sent.getFirst().id(), 1, false));
      assertThat(h.transport.sent(ClientMessage.SubmitOp.class))
          .hasSize(SessionHarness.CONFIG.sendWindow() + 1);
    }
  }

  @Test
  void sendsArePacedBelowTheRelaysRateLimit() {
    try (SessionHarness h =
        new SessionHarness(dir, SessionHarness.CONFIG.withSendWindow(100).withSendRate(10, 2))) {
      h.connectAndSync(0);
      for (int i = 0; i < 5; i++) {
        h.board().submit(rect("r" + i));
      }
      assertThat(h.transport.sent(ClientMessage.SubmitOp.class)).hasSize(2);
      h.scheduler.advance(Duration.ofMillis(100));
      assertThat(h.transport.sent(ClientMessage.SubmitOp.class)).hasSize(3);
      h.scheduler.advance(Duration.ofMillis(200));
      assertThat(h.transport.sent(ClientMessage.SubmitOp.class)).hasSize(5);
    }
  }

  @Test
  void heartbeatPingsAndDropsASilentConnection() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      h.scheduler.advance(Duration.ofSeconds(10));
      assertThat(h.transport.sent(ClientMessage.Ping.class)).hasSize(1);
      h.transport.receive(new ServerMessage.Pong(0));
      h.scheduler.advance(Duration.ofSeconds(20));
      assertThat(h.session.state()).isInstanceOf(ConnectionState.Synced.class);
      // From now on nothing arrives: the relay is black-holed.
      h.scheduler.advance(Duration.ofSeconds(9));
      assertThat(h.transport.closes).isZero();
      h.scheduler.advance(Duration.ofSeconds(1)); // 30 s without a frame
      assertThat(h.transport.closes).isEqualTo(1);
      assertThat(h.session.state()).isInstanceOf(ConnectionState.Reconnecting.class);
    }
  }

  @Test
  void aHandshakeThatNeverCompletesTimesOut() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.scheduler.advance(Duration.ofSeconds(30));
      assertThat(h.transport.closes).isEqualTo(1);
      assertThat(h.session.state()).isInstanceOf(ConnectionState.Reconnecting.class);
    }
  }

  @Test
  void backoffGrowsWithFailuresAndResetsAfterAHealthyConnection() {
    try (SessionHarness h = new SessionHarness(dir)) {
      for (int attempt = 1; attempt <= 8; attempt++) {
        h.transport.dropFromServer(-1, "refused");
        var r = (ConnectionState.Reconnecting) h.session.state();
        assertThat(r.attempt()).isEqualTo(attempt);
        Duration wait = Duration.between(h.scheduler.now(), r.nextTryAt());
        assertThat(wait).isLessThanOrEqualTo(h.policy.ceiling(attempt));
        assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(30));
        h.scheduler.advance(wait.minusMillis(1));
        assertThat(h.transport.connects).hasSize(attempt);
        h.scheduler.advance(Duration.ofMillis(1));
        assertThat(h.transport.connects).hasSize(attempt + 1);
      }
      h.connectAndSync(0);
      h.scheduler.advance(Duration.ofSeconds(9));
      h.transport.receive(new ServerMessage.Pong(0));
      h.scheduler.advance(Duration.ofSeconds(2));
      h.transport.dropFromServer(1006, "gone");
      assertThat(((ConnectionState.Reconnecting) h.session.state()).attempt()).isEqualTo(1);
    }
  }

  @Test
  void reconnectNowSkipsTheWait() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.transport.dropFromServer(-1, "refused");
      h.transport.dropFromServer(-1, "refused"); // stale: ignored
      assertThat(h.session.state()).isInstanceOf(ConnectionState.Reconnecting.class);
      h.session.reconnectNow();
      assertThat(h.transport.connects).hasSize(2);
      var trying = (ConnectionState.Reconnecting) h.session.state();
      assertThat(trying.attempt()).isEqualTo(1);
      assertThat(trying.nextTryAt()).isEqualTo(h.scheduler.now());
    }
  }

  @Test
  void terminalCloseCodesFailWithoutRetrying() {
    for (int code : new int[] {CloseCodes.UNAUTHORIZED, CloseCodes.FORBIDDEN, 4000}) {
      Path d = dir.resolve("c" + code);
      try (SessionHarness h = new SessionHarness(d)) {
        h.connectAndSync(0);
        h.transport.dropFromServer(code, code == 4000 ? "CLIENT_TOO_OLD" : "no");
        assertThat(h.session.state()).isInstanceOf(ConnectionState.Failed.class);
        h.scheduler.advance(Duration.ofMinutes(5));
        assertThat(h.transport.connects).hasSize(1);
      }
    }
  }

  @Test
  void refusedHandshakesMapToFailures() {
    int[] statuses = {401, 403, 404};
    ConnectionState.Failed.Kind[] kinds = {
      ConnectionState.Failed.Kind.UNAUTHORIZED,
      ConnectionState.Failed.Kind.FORBIDDEN,
      ConnectionState.Failed.Kind.BAD_ADDRESS
    };
    for (int i = 0; i < statuses.length; i++) {
      try (SessionHarness h = new SessionHarness(dir.resolve("h" + statuses[i]))) {
        h.transport.rejectHandshake(statuses[i]);
        assertThat(((ConnectionState.Failed) h.session.state()).kind()).isEqualTo(kinds[i]);
        h.scheduler.advance(Duration.ofMinutes(5));
        assertThat(h.transport.connects).hasSize(1);
      }
    }
    try (SessionHarness h = new SessionHarness(dir.resolve("h429"))) {
      h.transport.rejectHandshake(429);
      assertThat(h.session.state()).isInstanceOf(ConnectionState.Reconnecting.class);
    }
  }

  @Test
  void goOfflineStopsReconnectingButKeepsJournaling() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      h.session.goOffline();
      assertThat(h.session.state()).isInstanceOf(ConnectionState.Offline.class);
      String a = h.board().submit(rect("a"));
      h.scheduler.advance(Duration.ofMinutes(5));
      assertThat(h.transport.connects).hasSize(1);
      h.session.reconnectNow();
      h.connectAndSync(0);
      assertThat(ids(h.transport.sent(ClientMessage.SubmitOp.class))).containsExactly(a);
    }
  }

  @Test
  void aGapInSeqsForcesACatchUp() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      h.transport.receive(new ServerMessage.OpBroadcast(1, "x1", "bob", rect("x1")));
      h.transport.receive(new ServerMessage.OpBroadcast(3, "x3", "bob", rect("x3")));
      assertThat(h.board().confirmedSeq()).isEqualTo(1);
      assertThat(h.session.state()).isInstanceOf(ConnectionState.Reconnecting.class);
      h.scheduler.advance(Duration.ofSeconds(2));
      h.transport.open();
      assertThat(h.transport.sent(ClientMessage.Hello.class).getLast().lastSeq()).isEqualTo(1);
    }
  }

  @Test
  void unknownFramesAreIgnored() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      h.transport.receiveRaw("{\"type\":\"from-the-future\",\"x\":1}");
      h.transport.receiveRaw("nonsense");
      assertThat(h.session.state()).isInstanceOf(ConnectionState.Synced.class);
    }
  }

  @Test
  void unsentOpsSurviveARestartAndGoOutOnce() {
    String a;
    String b;
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      a = h.board().submit(rect("a"));
      h.transport.receive(new ServerMessage.Ack(a, 1, false));
      h.transport.dropFromServer(1006, "gone");
      b = h.board().submit(add("b"));
      h.board().submit(new Op.AppendPoints("b", Points.of(1, 1, 2, 2)));
    }
    try (SessionHarness h = new SessionHarness(dir)) {
      // The board reopens as it was: a confirmed (cached on close), b pending with its points.
      assertThat(h.board().confirmedSeq()).isEqualTo(1);
      assertThat(h.board().confirmed().get("a")).isNotNull();
      assertThat(h.board().view().get("b").points().size()).isEqualTo(3);
      assertThat(h.board().pendingOps()).extracting(PendingOp::id).startsWith(b).hasSize(2);
      h.transport.open();
      assertThat(h.transport.sent(ClientMessage.Hello.class).getFirst().lastSeq()).isEqualTo(1);
      h.transport.receive(new ServerMessage.Welcome("s", 1, "editor", List.of(), null, false));
      h.transport.receive(new ServerMessage.Synced(1));
      List<ClientMessage.SubmitOp> sent = h.transport.sent(ClientMessage.SubmitOp.class);
      assertThat(sent).hasSize(2);
      assertThat(sent.getFirst().id()).isEqualTo(b);
      h.transport.receive(new ServerMessage.Ack(sent.get(0).id(), 2, false));
      h.transport.receive(new ServerMessage.Ack(sent.get(1).id(), 3, false));
    }
    try (SessionHarness h = new SessionHarness(dir)) {
      assertThat(h.board().pendingOps()).isEmpty();
      assertThat(h.board().confirmedSeq()).isEqualTo(3);
    }
  }

  @Test
  void clientIdIsStableAcrossRestarts() {
    String first;
    try (SessionHarness h = new SessionHarness(dir)) {
      first = h.session.clientId();
    }
    try (SessionHarness h = new SessionHarness(dir)) {
      assertThat(h.session.clientId()).isEqualTo(first);
    }
  }

  @Test
  void manySmallAppendsFlowThrough() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      String first = h.board().submit(add("s"));
      long seq = 0;
      h.transport.receive(new ServerMessage.Ack(first, ++seq, false));
      for (int i = 0; i < 500; i++) {
        h.board().submit(new Op.AppendPoints("s", Points.of(i, i)));
        for (ClientMessage.SubmitOp op : h.transport.sent(ClientMessage.SubmitOp.class)) {
          if (h.session.pendingCount() > 0 && op.op() instanceof Op.AppendPoints) {
            h.transport.receive(new ServerMessage.Ack(op.id(), seq + 1, false));
            if (h.board().confirmedSeq() == seq + 1) {
              seq++;
            }
          }
        }
        h.transport.clearSent();
      }
      assertThat(h.session.pendingCount()).isZero();
      assertThat(h.board().confirmed().get("s").points().size()).isEqualTo(501);
    }
  }

  @Test
  void presenceIsRelayedBothWaysAndThrottled() {
    try (SessionHarness h = new SessionHarness(dir)) {
      List<ServerMessage.PresenceBroadcast> seen = new java.util.ArrayList<>();
      h.session.addListener(
          new SessionListener() {
            @Override
            public void presence(ServerMessage.PresenceBroadcast presence) {
              seen.add(presence);
            }
          });
      h.session.sendPresence(new dev.drawbridge.protocol.message.Cursor(1, 1), List.of());
      assertThat(h.transport.sent(ClientMessage.Presence.class)).isEmpty(); // not connected
      h.connectAndSync(0);
      h.scheduler.advance(Duration.ofSeconds(1));
      for (int i = 0; i < 10; i++) {
        h.session.sendPresence(new dev.drawbridge.protocol.message.Cursor(i, i), List.of("a"));
      }
      assertThat(h.transport.sent(ClientMessage.Presence.class)).hasSize(1);
      h.scheduler.advance(Duration.ofMillis(100));
      List<ClientMessage.Presence> sent = h.transport.sent(ClientMessage.Presence.class);
      assertThat(sent).hasSize(2);
      assertThat(sent.getLast().cursor().x()).isEqualTo(9); // only the newest position
      h.transport.receive(
          new ServerMessage.PresenceBroadcast(
              "bob", new dev.drawbridge.protocol.message.Cursor(3, 4), List.of()));
      assertThat(seen).extracting(ServerMessage.PresenceBroadcast::clientId).containsExactly("bob");
    }
  }

  @Test
  void theConfirmedBoardIsCachedPeriodicallyAndTheJournalCompacted() throws Exception {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      String a = h.board().submit(rect("a"));
      h.transport.receive(new ServerMessage.Ack(a, 1, false));
      h.transport.receive(new ServerMessage.OpBroadcast(2, "x", "bob", rect("x")));
      assertThat(java.nio.file.Files.size(h.directory.journalFile())).isPositive();
      h.scheduler.advance(SessionHarness.CONFIG.cacheInterval());
      ConfirmedCache cache =
          new ConfirmedCache(
              h.directory.confirmedFile(), new dev.drawbridge.protocol.ProtocolCodec());
      assertThat(cache.read().snapshot().seq()).isEqualTo(2);
      // The cache holds a, but the relay has not said a is durable (R26): it stays journaled.
      assertThat(java.nio.file.Files.size(h.directory.journalFile())).isPositive();
      h.transport.receive(new ServerMessage.Durable(1));
      assertThat(java.nio.file.Files.size(h.directory.journalFile())).isZero();
    }
  }

  @Test
  void stateListenerSeesTheWholeStory() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      h.transport.dropFromServer(1001, "bye");
      assertThat(h.states)
          .map(s -> s.getClass().getSimpleName())
          .containsExactly("Connecting", "Syncing", "Synced", "Reconnecting");
      assertThat(((ConnectionState.Reconnecting) h.states.getLast()).nextTryAt())
          .isAfterOrEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }
  }
}
