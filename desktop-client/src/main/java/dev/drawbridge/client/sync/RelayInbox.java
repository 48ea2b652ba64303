package dev.drawbridge.client.sync;

import dev.drawbridge.client.model.AddOps;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.model.PendingOp;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what the relay says to the board and the session: the welcome (with a catch-up snapshot,
 * or a reset that sends again what the relay lost of ours), ops in seq order, acks and refusals,
 * {@code synced}, {@code durable}, and the room's comings and goings. Any gap in the seq order
 * means our view of the room is broken: the connection starts over and catches up again.
 *
 * <p>Touched on the session's UI executor only.
 */
final class RelayInbox {
  private static final Logger log = LoggerFactory.getLogger(RelayInbox.class);

  private final ProtocolCodec codec;
  private final String clientId;
  private final LocalBoard board;
  private final Connection connection;
  private final Outbox outbox;
  private final PeerRoster roster;
  private final SessionEvents events;
  private final BlobUploads uploads;
  private final RelayBlobSource fetches;
  private final RelayHistory history;
  private String role = "editor";
  // This connection's relay predates R26: it stored every op before acking or broadcasting it, and
  // never says durable. Told by a synced{seq > 0} without opId (a newer relay always names it).
  private boolean storesBeforeAck;
  // The newest seq told to opSequenced: a reset to an older board never tells a seq twice.
  private long sequencedUpTo;

  RelayInbox(
      ProtocolCodec codec,
      String clientId,
      LocalBoard board,
      Connection connection,
      Outbox outbox,
      PeerRoster roster,
      SessionEvents events,
      BlobUploads uploads,
      RelayBlobSource fetches,
      RelayHistory history) {
    this.history = history;
    this.uploads = uploads;
    this.fetches = fetches;
    this.codec = codec;
    this.clientId = clientId;
    this.board = board;
    this.connection = connection;
    this.outbox = outbox;
    this.roster = roster;
    this.events = events;
  }

  /** What the relay lets this user do: "editor" or "viewer" (from the last welcome). */
  String role() {
    return role;
  }

  void received(String text) {
    ServerMessage message;
    try {
      message = codec.decodeServer(text);
    } catch (ProtocolException e) {
      // A newer relay may send types we do not know (R70): skip them.
      log.debug("Ignoring a frame the client cannot read: {}", e.getMessage());
      return;
    }
    switch (message) {
      case ServerMessage.Welcome w -> welcome(w);
      case ServerMessage.OpBroadcast op -> {
        remoteOp(op);
        durableNews(op.durable());
      }
      case ServerMessage.Ack ack -> {
        ack(ack);
        durableNews(ack.durable());
      }
      case ServerMessage.Nack nack -> nack(nack);
      case ServerMessage.Synced s -> synced(s);
      case ServerMessage.Durable d -> outbox.relayDurable(d.seq());
      case ServerMessage.PresenceBroadcast p -> events.presence(p);
      case ServerMessage.Joined j -> roster.joined(j.peer());
      case ServerMessage.Left l -> roster.left(l.clientId());
      case ServerMessage.Pong pong -> {}
      case ServerMessage.Error e ->
          log.warn("Relay error {}: {} ({})", e.code(), e.message(), e.ref());
      // Blob messages only ever answer this client's own blob_put and blob_get (R114).
      case ServerMessage.BlobData data -> fetches.data(data);
      case ServerMessage.BlobStored stored -> uploads.stored(stored);
      case ServerMessage.BlobRefused refused -> {
        if (!uploads.refused(refused) && !fetches.refused(refused)) {
          log.debug("Ignoring a refusal of picture {} we did not ask for", refused.blob());
        }
      }
      // History messages only ever answer this client's own history_get (R117, R119).
      case ServerMessage.History page -> history.received(page);
      case ServerMessage.HistoryRefused refused -> history.refused(refused);
    }
  }

  /** The room's durable seq carried by a broadcast or an ack (R26), if it carried one. */
  private void durableNews(Long durable) {
    if (durable != null) {
      outbox.relayDurable(durable);
    }
  }

  private void welcome(ServerMessage.Welcome w) {
    connection.welcomed();
    storesBeforeAck = false;
    role = w.role();
    uploads.welcomed(w.maxBlobBytes());
    fetches.welcomed(w.maxBlobBytes());
    history.welcomed(w.maxHistoryPage());
    roster.replaceAll(w.peers());
    if (w.snapshot() == null) {
      return;
    }
    if (w.reset()) {
      reset(w.snapshot());
    } else if (w.snapshot().seq() > board.confirmedSeq()) {
      // Ops of ours the snapshot already holds stay pending; their resends get duplicate acks.
      board.replaceConfirmed(w.snapshot());
    }
  }

  /**
   * The relay lost ops we had (a crash before they were durable, a restored backup): its board
   * wins. Our acked ops it had not yet made durable go out again with their ids, ahead of our
   * pending ops, on top of it; then what we drew that is still missing is drawn again. In that
   * order, so an element whose own add op goes out again is not added a second time.
   */
  private void reset(BoardSnapshot snapshot) {
    List<Element> ours = ownVisibleElements();
    List<PendingOp> again = outbox.relayLostHistory();
    board.replaceConfirmed(snapshot, again);
    outbox.pendingAgain(again);
    if (!again.isEmpty()) {
      log.info(
          "The relay may have lost {} acknowledged ops of ours; sending them again", again.size());
    }
    redrawLost(ours);
  }

  /** What this user drew that the confirmed board shows (before a reset replaces it). */
  private List<Element> ownVisibleElements() {
    return board.confirmed().visibleElements().stream()
        .filter(e -> clientId.equals(e.author()))
        .toList();
  }

  /**
   * After a reset, elements this user drew that the relay no longer has are submitted again as new
   * ops (nothing a user draws is lost, even when the relay's data is). Others' elements are theirs
   * to restore; edits to surviving elements follow the relay's board.
   */
  private void redrawLost(List<Element> ours) {
    List<Op> lost = new ArrayList<>();
    for (Element e : ours) {
      if (board.view().get(e.id()) == null) {
        lost.addAll(AddOps.forElement(e));
      }
    }
    if (!lost.isEmpty()) {
      log.info("The relay lost {} of this user's elements; drawing them again", lost.size());
      board.submitAll(lost);
    }
  }

  private void remoteOp(ServerMessage.OpBroadcast op) {
    long head = board.confirmedSeq();
    if (op.seq() <= head) {
      return;
    }
    if (op.seq() > head + 1) {
      connection.resync("op " + op.seq() + " after " + head);
      return;
    }
    board.applyRemote(op.seq(), op.id(), op.op());
    outbox.seenInCatchUp(op.id(), op.seq());
    sequenced(new HistoryOp(op.seq(), op.id(), op.clientId(), op.t(), op.op()));
    if (storesBeforeAck) {
      outbox.relayDurable(op.seq());
    }
  }

  private void ack(ServerMessage.Ack ack) {
    if (!outbox.contains(ack.id())) {
      return;
    }
    if (ack.seq() > board.confirmedSeq() + 1) {
      connection.resync("ack at " + ack.seq() + " after " + board.confirmedSeq());
      return;
    }
    PendingOp ours = outbox.pendingOp(ack.id());
    outbox.acked(ack);
    if (storesBeforeAck) {
      outbox.relayDurable(ack.seq());
    }
    sequenced(new HistoryOp(ack.seq(), ack.id(), clientId, ack.t(), ours.op()));
  }

  /**
   * Tells the listeners (the board's history) about an op the confirmed board just took at its
   * head; an op the board did not take there (a duplicate ack of an op a snapshot already held)
   * leaves a gap that the history fills with a page.
   */
  private void sequenced(HistoryOp op) {
    if (op.seq() == board.confirmedSeq() && op.seq() > sequencedUpTo) {
      sequencedUpTo = op.seq();
      events.opSequenced(op);
    }
  }

  private void nack(ServerMessage.Nack nack) {
    if (outbox.contains(nack.id())) {
      outbox.refused(nack);
    }
  }

  private void synced(ServerMessage.Synced s) {
    if (s.seq() > board.confirmedSeq()) {
      connection.resync("synced at " + s.seq() + " but the board is at " + board.confirmedSeq());
      return;
    }
    board.learnOpIdAt(s.seq(), s.opId());
    storesBeforeAck = s.seq() > 0 && s.opId() == null;
    if (storesBeforeAck) {
      outbox.relayDurable(s.seq());
    }
    connection.synced();
    outbox.resend();
    fetches.synced();
  }
}
