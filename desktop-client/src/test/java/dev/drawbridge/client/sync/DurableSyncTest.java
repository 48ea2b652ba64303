package dev.drawbridge.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.model.PendingOp;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's side of R12 and R26: it names the op at its last seq in hello, keeps its acked ops
 * journaled until the relay says they are durable, and sends them again after a reset.
 */
class DurableSyncTest {
  @TempDir Path dir;
  private final ProtocolCodec codec = new ProtocolCodec();

  private static Op.AddElement rect(String id) {
    return new Op.AddElement(
        Element.shape(id, ElementKind.RECTANGLE, 0, 0, 10, 10, Style.DEFAULT, 1));
  }

  private static Op.AddElement mine(SessionHarness h, String id) {
    return new Op.AddElement(
        Element.shape(id, ElementKind.RECTANGLE, 5, 5, 10, 10, Style.DEFAULT, 1)
            .withAuthor(h.session.clientId()));
  }

  /** Drops the connection, waits out the backoff and opens the next one; returns its hello. */
  private static ClientMessage.Hello reconnect(SessionHarness h) {
    h.transport.dropFromServer(1006, "gone");
    h.scheduler.advance(Duration.ofSeconds(40));
    h.transport.clearSent();
    h.transport.open();
    return h.transport.sent(ClientMessage.Hello.class).getFirst();
  }

  private static void resetTo(SessionHarness h, BoardSnapshot snapshot, String opIdAtHead) {
    h.transport.receive(
        new ServerMessage.Welcome("s", snapshot.seq(), "editor", List.of(), snapshot, true));
    h.transport.receive(new ServerMessage.Synced(snapshot.seq(), opIdAtHead));
  }

  private List<OfflineJournal.Entry> journalOnDisk() throws IOException {
    BoardDirectoryFiles files = new BoardDirectoryFiles(dir);
    try (OfflineJournal j = OfflineJournal.open(files.journal(), codec)) {
      return j.entries();
    }
  }

  /** The journal file of the harness's board, read after the session closed. */
  private record BoardDirectoryFiles(Path dataDir) {
    Path journal() throws IOException {
      try (BoardDirectory d =
          BoardDirectory.open(
              dataDir, SessionHarness.REQUEST.roomUri(), SessionHarness.REQUEST.room())) {
        return d.journalFile();
      }
    }
  }

  // ---- lastOpId (R12) ----------------------------------------------------------------------

  @Test
  void helloNamesTheOpAtLastSeqAsLearntFromOpsAcksAndSynced() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.transport.open();
      assertThat(h.transport.sent(ClientMessage.Hello.class).getFirst().lastOpId()).isNull();
      h.transport.receive(new ServerMessage.Welcome("s1", 0, "editor", List.of(), null, false));
      h.transport.receive(new ServerMessage.Synced(0));
      h.transport.receive(new ServerMessage.OpBroadcast(1, "x1", "bob", rect("x1")));
      assertThat(reconnect(h)).extracting("lastSeq", "lastOpId").containsExactly(1L, "x1");

      h.transport.receive(new ServerMessage.Welcome("s2", 1, "editor", List.of(), null, false));
      h.transport.receive(new ServerMessage.Synced(1, "x1"));
      String a = h.board().submit(rect("a"));
      h.transport.receive(new ServerMessage.Ack(a, 2, false));
      assertThat(reconnect(h)).extracting("lastSeq", "lastOpId").containsExactly(2L, a);

      // A catch-up snapshot replaces the board: the op at its seq is unknown until synced names it.
      BoardSnapshot snap = new BoardSnapshot(10, List.of(rect("s").element()));
      h.transport.receive(new ServerMessage.Welcome("s3", 10, "editor", List.of(), snap, false));
      assertThat(h.board().confirmedOpId()).isNull();
      assertThat(reconnect(h)).extracting("lastSeq", "lastOpId").containsExactly(10L, null);

      h.transport.receive(new ServerMessage.Welcome("s4", 10, "editor", List.of(), null, false));
      h.transport.receive(new ServerMessage.Synced(10, "op10"));
      assertThat(reconnect(h)).extracting("lastSeq", "lastOpId").containsExactly(10L, "op10");
    }
  }

  @Test
  void syncedNamingAnotherSeqTeachesNothing() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      h.transport.receive(new ServerMessage.OpBroadcast(1, "x1", "bob", rect("x1")));
      BoardSnapshot snap = new BoardSnapshot(5, List.of());
      reconnect(h);
      h.transport.receive(new ServerMessage.Welcome("s", 5, "editor", List.of(), snap, false));
      h.transport.receive(new ServerMessage.OpBroadcast(6, "x6", "bob", rect("x6")));
      h.transport.receive(new ServerMessage.Synced(5, "x5")); // an older seq than the board's
      assertThat(h.board().confirmedOpId()).isEqualTo("x6");
    }
  }

  @Test
  void lastOpIdSurvivesARestartWithTheCachedBoard() {
    String a;
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      a = h.board().submit(rect("a"));
      h.transport.receive(new ServerMessage.Ack(a, 1, false));
    }
    try (SessionHarness h = new SessionHarness(dir)) {
      h.transport.open();
      ClientMessage.Hello hello = h.transport.sent(ClientMessage.Hello.class).getFirst();
      assertThat(hello.lastSeq()).isEqualTo(1);
      assertThat(hello.lastOpId()).isEqualTo(a);
    }
  }

  @Test
  void anOpIdLearntFromSyncedIsCachedEvenWhenTheSeqDidNotMove() throws Exception {
    Path cacheFile;
    try (SessionHarness h = new SessionHarness(dir)) {
      cacheFile = h.directory.confirmedFile();
      h.transport.open();
      BoardSnapshot snap = new BoardSnapshot(7, List.of(rect("s").element()));
      h.transport.receive(new ServerMessage.Welcome("s", 7, "editor", List.of(), snap, false));
      h.scheduler.advance(SessionHarness.CONFIG.cacheInterval());
      assertThat(new ConfirmedCache(cacheFile, codec).read().lastOpId()).isNull();
      h.transport.receive(new ServerMessage.Synced(7, "op7"));
      h.scheduler.advance(SessionHarness.CONFIG.cacheInterval());
      assertThat(new ConfirmedCache(cacheFile, codec).read())
          .extracting(c -> c.snapshot().seq(), ConfirmedCache.Cached::lastOpId)
          .containsExactly(7L, "op7");
    }
  }

  @Test
  void aCacheFileFromBeforeLastOpIdStillLoads() throws Exception {
    Path cacheFile;
    try (SessionHarness h = new SessionHarness(dir)) {
      cacheFile = h.directory.confirmedFile();
    }
    // What older versions wrote: the bare snapshot.
    Files.writeString(
        cacheFile, codec.encodeSnapshot(new BoardSnapshot(4, List.of(rect("old").element()))));
    try (SessionHarness h = new SessionHarness(dir)) {
      assertThat(h.board().confirmedSeq()).isEqualTo(4);
      assertThat(h.board().view().get("old")).isNotNull();
      h.transport.open();
      ClientMessage.Hello hello = h.transport.sent(ClientMessage.Hello.class).getFirst();
      assertThat(hello.lastSeq()).isEqualTo(4);
      assertThat(hello.lastOpId()).isNull();
    }
  }

  // ---- durable (R26) -----------------------------------------------------------------------

  @Test
  void anAckedOpStaysJournaledUntilDurableThenIsCompacted() throws Exception {
    String a;
    String b;
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      a = h.board().submit(rect("a"));
      b = h.board().submit(rect("b"));
      h.transport.receive(new ServerMessage.Ack(a, 1, false));
      h.transport.receive(new ServerMessage.Ack(b, 2, false));
      h.scheduler.advance(SessionHarness.CONFIG.cacheInterval()); // the cache reaches seq 2
      h.transport.receive(new ServerMessage.Durable(1));
      // a is both cached and durable; b only cached.
    }
    assertThat(journalOnDisk()).extracting(e -> e.op().id()).containsExactly(b);
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(2);
      h.transport.receive(new ServerMessage.Durable(2));
    }
    assertThat(journalOnDisk()).isEmpty();
  }

  /** R26: the durable seq carried by a broadcast or an ack counts as a {@code durable}. */
  @Test
  void theDurableSeqOnABroadcastOrAnAckCompactsLikeADurableNotice() throws Exception {
    String a;
    String b;
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      a = h.board().submit(rect("a"));
      b = h.board().submit(rect("b"));
      h.transport.receive(new ServerMessage.Ack(a, 1, false));
      h.transport.receive(new ServerMessage.Ack(b, 2, false));
      h.scheduler.advance(SessionHarness.CONFIG.cacheInterval()); // the cache reaches seq 2
      h.transport.receive(new ServerMessage.OpBroadcast(3, "x3", "bob", rect("x3"), 1L));
    }
    assertThat(journalOnDisk()).extracting(e -> e.op().id()).containsExactly(b);
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(3);
      String c = h.board().submit(rect("c"));
      h.transport.receive(new ServerMessage.Ack(c, 4, false, 2L));
    }
    assertThat(journalOnDisk()).extracting(e -> e.op().id()).doesNotContain(b);
  }

  @Test
  void aDurableAheadOfTheCacheCompactsNoFurtherThanTheCache() throws Exception {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      String a = h.board().submit(rect("a"));
      h.transport.receive(new ServerMessage.Ack(a, 1, false));
      h.scheduler.advance(SessionHarness.CONFIG.cacheInterval()); // the cache reaches seq 1
      String b = h.board().submit(rect("b"));
      h.transport.receive(new ServerMessage.Ack(b, 2, false));
      h.transport.receive(new ServerMessage.Durable(2));
      // b is durable but only the live board holds it: a restart must still find it.
      assertThat(Files.size(h.directory.journalFile())).isPositive();
      h.scheduler.advance(SessionHarness.CONFIG.cacheInterval()); // the cache reaches seq 2
      assertThat(Files.size(h.directory.journalFile())).isZero();
    }
  }

  // ---- reset -------------------------------------------------------------------------------

  @Test
  void aResetSendsAnAckedNotDurableOpAgainWithItsIdAndDrawsItOnce() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      Op.AddElement add = mine(h, "mine");
      String id = h.board().submit(add);
      h.transport.receive(new ServerMessage.Ack(id, 1, false));
      h.transport.receive(new ServerMessage.OpBroadcast(2, "x2", "bob", rect("theirs")));
      // The relay crashed before either op was durable, then Bob drew something else at seq 1.
      ClientMessage.Hello hello = reconnect(h);
      assertThat(hello).extracting("lastSeq", "lastOpId").containsExactly(2L, "x2");
      resetTo(h, new BoardSnapshot(1, List.of(rect("other").element())), "y1");

      List<ClientMessage.SubmitOp> resent = h.transport.sent(ClientMessage.SubmitOp.class);
      assertThat(resent).extracting(ClientMessage.SubmitOp::id).containsExactly(id);
      assertThat(resent.getFirst().op()).isEqualTo(add);
      assertThat(h.board().view().get("theirs")).isNull();
      h.transport.receive(new ServerMessage.Ack(id, 2, false));
      assertThat(h.session.pendingCount()).isZero();
      assertThat(h.board().confirmed().get("mine")).isEqualTo(add.element());
      assertThat(h.board().confirmed().get("other")).isNotNull();
      assertThat(h.board().view().hash()).isEqualTo(h.board().confirmed().hash());
      assertThat(h.board().confirmedOpId()).isEqualTo(id);
      assertThat(h.transport.sent(ClientMessage.SubmitOp.class)).hasSize(1);
    }
  }

  @Test
  void aResentOpTheRelayKeptGetsADuplicateAckAndChangesNothing() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      Op.AddElement add = mine(h, "mine");
      String id = h.board().submit(add);
      h.transport.receive(new ServerMessage.Ack(id, 1, false));
      h.transport.receive(new ServerMessage.OpBroadcast(2, "x2", "bob", rect("theirs")));
      // The relay kept seq 1 (durable, but the durable message never reached us) and lost seq 2.
      reconnect(h);
      BoardSnapshot kept = new BoardSnapshot(1, List.of(add.element()));
      resetTo(h, kept, id);
      assertThat(h.transport.sent(ClientMessage.SubmitOp.class))
          .extracting(ClientMessage.SubmitOp::id)
          .containsExactly(id);
      int connects = h.transport.connects.size();
      h.transport.receive(new ServerMessage.Ack(id, 1, true));
      assertThat(h.session.state()).isInstanceOf(ConnectionState.Synced.class);
      assertThat(h.transport.connects).hasSize(connects);
      assertThat(h.session.pendingCount()).isZero();
      assertThat(h.board().confirmedSeq()).isEqualTo(1);
      assertThat(h.board().view().hash()).isEqualTo(h.board().confirmed().hash());
      assertThat(h.board().view().visibleElements())
          .extracting(Element::id)
          .containsExactly("mine");
    }
  }

  @Test
  void opsSentAgainGoAheadOfLaterPendingOpsOnTheSameStroke() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      Op.AddElement add =
          new Op.AddElement(
              Element.freehand("s", ElementKind.STROKE, 0, 0, Points.of(0, 0), Style.DEFAULT, 1)
                  .withAuthor(h.session.clientId()));
      String addId = h.board().submit(add);
      h.transport.receive(new ServerMessage.Ack(addId, 1, false));
      h.transport.dropFromServer(1006, "gone");
      String appendId = h.board().submit(new Op.AppendPoints("s", Points.of(1, 1)));
      h.scheduler.advance(Duration.ofSeconds(40));
      h.transport.clearSent();
      h.transport.open();
      resetTo(h, new BoardSnapshot(0, List.of()), null);
      assertThat(h.transport.sent(ClientMessage.SubmitOp.class))
          .extracting(ClientMessage.SubmitOp::id)
          .containsExactly(addId, appendId);
      assertThat(h.board().view().get("s").points().size()).isEqualTo(2);
      assertThat(h.board().pendingOps()).extracting(PendingOp::id).containsExactly(addId, appendId);
    }
  }

  @Test
  void aDurableOpIsNotSentAgainButRedrawnIfABackupLostIt() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      Op.AddElement durable = mine(h, "durable");
      Op.AddElement acked = mine(h, "acked");
      String d = h.board().submit(durable);
      String a = h.board().submit(acked);
      h.transport.receive(new ServerMessage.Ack(d, 1, false));
      h.transport.receive(new ServerMessage.Durable(1));
      h.transport.receive(new ServerMessage.Ack(a, 2, false));
      reconnect(h);
      // A restored backup holds neither.
      resetTo(h, new BoardSnapshot(0, List.of()), null);
      List<ClientMessage.SubmitOp> sent = h.transport.sent(ClientMessage.SubmitOp.class);
      assertThat(sent).hasSize(2);
      assertThat(sent.get(0).id()).isEqualTo(a); // sent again as it was
      assertThat(sent.get(1).id()).isNotIn(a, d); // drawn again as a new op
      assertThat(sent.get(1).op()).isEqualTo(durable);
    }
  }

  @Test
  void aResetAfterARestartSendsAgainWhatTheCachedBoardHeldButWasNotDurable() throws Exception {
    String a;
    Op.AddElement add;
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      add = mine(h, "mine");
      a = h.board().submit(add);
      h.transport.receive(new ServerMessage.Ack(a, 1, false));
    }
    assertThat(journalOnDisk()).extracting(OfflineJournal.Entry::seq).containsExactly(1L);
    try (SessionHarness h = new SessionHarness(dir)) {
      assertThat(h.board().pendingOps()).isEmpty();
      assertThat(h.board().confirmed().get("mine")).isNotNull();
      h.transport.open();
      resetTo(h, new BoardSnapshot(0, List.of()), null);
      List<ClientMessage.SubmitOp> sent = h.transport.sent(ClientMessage.SubmitOp.class);
      assertThat(sent).extracting(ClientMessage.SubmitOp::id).containsExactly(a);
      assertThat(sent.getFirst().op()).isEqualTo(add);
      // Closed before the ack: the journal says the op is pending again, not acked at seq 1.
    }
    assertThat(journalOnDisk()).extracting(OfflineJournal.Entry::seq).containsExactly(0L);
    try (SessionHarness h = new SessionHarness(dir)) {
      assertThat(h.board().pendingOps()).extracting(PendingOp::id).containsExactly(a);
    }
  }

  @Test
  void aResetForgetsTheDurableSeqOfTheLostHistory() throws Exception {
    String a;
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      for (int i = 1; i <= 5; i++) {
        h.transport.receive(new ServerMessage.OpBroadcast(i, "x" + i, "bob", rect("x" + i)));
      }
      h.transport.receive(new ServerMessage.Durable(5));
      reconnect(h);
      // A restored backup at seq 0; our op becomes seq 1 of the new history.
      resetTo(h, new BoardSnapshot(0, List.of()), null);
      a = h.board().submit(rect("a"));
      h.transport.receive(new ServerMessage.Ack(a, 1, false));
      h.scheduler.advance(SessionHarness.CONFIG.cacheInterval());
    }
    // Seq 1 is not durable in the new history (durable 5 was the old one's): a stays journaled.
    assertThat(journalOnDisk()).extracting(e -> e.op().id()).containsExactly(a);
  }

  // ---- a relay from before R26 -------------------------------------------------------------

  @Test
  void aRelayThatNeverSaysDurableStoredEveryOpBeforeAckingIt() throws Exception {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.transport.open();
      h.transport.receive(new ServerMessage.Welcome("s", 1, "editor", List.of(), null, false));
      h.transport.receive(new ServerMessage.OpBroadcast(1, "x1", "bob", rect("x1")));
      h.transport.receive(new ServerMessage.Synced(1)); // no opId: a relay from before R26
      String a = h.board().submit(rect("a"));
      h.transport.receive(new ServerMessage.Ack(a, 2, false));
      h.scheduler.advance(SessionHarness.CONFIG.cacheInterval());
      assertThat(Files.size(h.directory.journalFile())).isZero();
      assertThat(h.session.awaitingDurableCount()).isZero();
      // A reset from such a relay has nothing acked to send again: only lost elements are redrawn.
      reconnect(h);
      resetTo(h, new BoardSnapshot(2, List.of(rect("a").element())), null);
      assertThat(h.transport.sent(ClientMessage.SubmitOp.class)).isEmpty();
    }
  }

  @Test
  void aRelayThatNamesTheOpAtItsHeadIsWaitedFor() throws Exception {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.transport.open();
      h.transport.receive(new ServerMessage.Welcome("s", 1, "editor", List.of(), null, false));
      h.transport.receive(new ServerMessage.OpBroadcast(1, "x1", "bob", rect("x1")));
      h.transport.receive(new ServerMessage.Synced(1, "x1"));
      String a = h.board().submit(rect("a"));
      h.transport.receive(new ServerMessage.Ack(a, 2, false));
      h.scheduler.advance(SessionHarness.CONFIG.cacheInterval());
      assertThat(Files.size(h.directory.journalFile())).isPositive();
      assertThat(h.session.awaitingDurableCount()).isEqualTo(1);
      h.transport.receive(new ServerMessage.Durable(2));
      assertThat(h.session.awaitingDurableCount()).isZero();
      assertThat(Files.size(h.directory.journalFile())).isZero();
    }
  }
}
