package dev.drawbridge.client.sync;

import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.model.PendingOp;
import dev.drawbridge.protocol.element.ImageRef;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local ops from the moment they are made until the relay acknowledges them: each waits for the
 * journal's fsync, then goes out in order while the send window and the {@link SendBudget} allow. A
 * refusal with a retry-after pauses sending and queues every unacknowledged op again; a refusal for
 * good takes the op off the board. After every reconnect the whole outbox is sent again with the
 * same ids, so the relay acks what it already stored as a duplicate.
 *
 * <p>An acked op is then held in {@link AckedNotDurable} until the relay says it is durable (R26);
 * when the relay lost its history (a reset), those ops come back into the outbox, ahead of the
 * others, and go out again with their ids.
 *
 * <p>An image add waits until {@link BlobUploads} has its blob confirmed by the relay on this
 * connection (R110, R111), and every later op waits behind it. A relay that stores no pictures
 * (R114) never will: the add stays pending and unsent (in the journal, for a relay that stores
 * them), later ops on the same element stay with it, and the rest of the board goes on.
 *
 * <p>Touched on the session's UI executor only.
 */
final class Outbox implements BlobUploads.Owner {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);
  private static final String MISSING_BLOB = "missing_blob";

  /** A local op not yet acknowledged; {@code index} orders it and ties it to the journal. */
  private record Outgoing(PendingOp op, long index) {}

  private final LocalBoard board;
  private final JournalWriter journal;
  private final Connection connection;
  private final SessionEvents events;
  private final Clock clock;
  private final UiTimers timers;
  private final int sendWindow;
  private final SendBudget budget;
  private final AckedNotDurable notDurable;
  private final ImageGate gate;

  private final LinkedHashMap<String, Outgoing> unacked = new LinkedHashMap<>();
  // Unacked ops per element: the status bar counts changed elements, not ops (one stroke drawn
  // offline is an add and a few dozen appends, and "37 changes" for one stroke reads as a bug).
  private final HashMap<String, Integer> unackedPerElement = new HashMap<>();
  private final ArrayDeque<Outgoing> awaitingDisk = new ArrayDeque<>();
  private final ArrayDeque<Outgoing> sendQueue = new ArrayDeque<>();
  private final Set<String> inFlight = new HashSet<>();
  private long nextIndex;
  private long durableIndex;
  private Instant pausedUntil = Instant.EPOCH;
  private Scheduler.Cancellable resumeTimer = Scheduler.Cancellable.NONE;
  private Scheduler.Cancellable paceTimer = Scheduler.Cancellable.NONE;
  private boolean paceTimerSet;

  /** Starts with the board's pending ops (restored from the journal, so already on disk). */
  Outbox(
      LocalBoard board,
      JournalWriter journal,
      Connection connection,
      SessionEvents events,
      SyncConfig config,
      Clock clock,
      UiTimers timers,
      AckedNotDurable notDurable,
      BlobUploads uploads) {
    this.board = board;
    this.gate = new ImageGate(uploads, events);
    uploads.setOwner(this);
    this.notDurable = notDurable;
    this.journal = journal;
    this.connection = connection;
    this.events = events;
    this.clock = clock;
    this.timers = timers;
    this.sendWindow = config.sendWindow();
    this.budget = new SendBudget(config.opsPerSecond(), config.opBurst(), clock.instant());
    for (PendingOp p : board.pendingOps()) {
      track(new Outgoing(p, ++nextIndex));
    }
    durableIndex = nextIndex;
  }

  /** Local ops not yet acknowledged by the relay. */
  int size() {
    return unacked.size();
  }

  /** Acked local ops the relay has not yet said are durable (R26). */
  int awaitingDurable() {
    return notDurable.size();
  }

  /** Elements with local changes not yet acknowledged (what the status bar counts). */
  int changedElements() {
    return unackedPerElement.size();
  }

  boolean contains(String opId) {
    return unacked.containsKey(opId);
  }

  /** The unacknowledged op {@code opId}, or null. */
  PendingOp pendingOp(String opId) {
    Outgoing o = unacked.get(opId);
    return o == null ? null : o.op();
  }

  /** True when every local op submitted so far is on disk. */
  boolean allOnDisk() {
    return durableIndex >= nextIndex;
  }

  /** A new local op: journal it; it goes out once on disk. */
  void submitted(PendingOp op) {
    Outgoing o = new Outgoing(op, ++nextIndex);
    track(o);
    awaitingDisk.add(o);
    journal.append(op, o.index());
    firePending();
  }

  /** Ops up to {@code index} are on disk: they may go out now. */
  void durable(long index) {
    durableIndex = Math.max(durableIndex, index);
    while (!awaitingDisk.isEmpty() && awaitingDisk.peek().index() <= durableIndex) {
      Outgoing o = awaitingDisk.poll();
      if (connection.isSynced() && unacked.containsKey(o.op().id())) {
        sendQueue.add(o);
      }
    }
    pump();
  }

  /** The catch-up is done: send every unacknowledged op again, in journal order. */
  void resend() {
    requeueAll();
    pump();
  }

  /** The connection dropped: nothing is in flight any more, and no pause carries over. */
  void connectionDropped() {
    resumeTimer.cancel();
    paceTimer.cancel();
    paceTimerSet = false;
    sendQueue.clear();
    inFlight.clear();
    gate.reset();
    pausedUntil = Instant.EPOCH;
  }

  /** The relay stored {@code ack.id()} (a known op, next in seq order). */
  void acked(ServerMessage.Ack ack) {
    board.acknowledge(ack.id(), ack.seq());
    budget.speedUp();
    notDurable.acked(unacked.get(ack.id()).op(), ack.seq());
    untrack(ack.id());
    inFlight.remove(ack.id());
    journal.acked(ack.id(), ack.seq());
    firePending();
    pump();
  }

  /**
   * A catch-up op with {@code opId} was applied at {@code seq}: if it is ours, stored before a
   * connection dropped, this replaces its lost ack.
   */
  void seenInCatchUp(String opId, long seq) {
    Outgoing o = unacked.get(opId);
    if (o != null) {
      notDurable.acked(o.op(), seq);
      untrack(opId);
      inFlight.remove(opId);
      journal.acked(opId, seq);
      firePending();
    }
  }

  /** The relay stored every op of the room up to {@code seq} durably (R26). */
  void relayDurable(long seq) {
    if (notDurable.durable(seq)) {
      journal.relayDurable(seq);
    }
  }

  /**
   * The relay replaced the room's history (a reset): returns our acked ops it may have lost, in ack
   * order, to go on the board again with {@link #pendingAgain}. Forgets the relay's durable seq.
   */
  List<PendingOp> relayLostHistory() {
    journal.relayReset();
    return notDurable.takeAll();
  }

  /**
   * Ops the relay may have lost are unacknowledged again, ahead of the others (they were made
   * first), and go out after {@code synced} with their ids: if the relay did keep one, it answers
   * with a duplicate ack (R15).
   */
  void pendingAgain(List<PendingOp> ops) {
    if (ops.isEmpty()) {
      return;
    }
    List<Outgoing> after = List.copyOf(unacked.values());
    unacked.clear();
    unackedPerElement.clear();
    for (PendingOp p : ops) {
      track(new Outgoing(p, 0)); // on disk already: index 0 is never waited for
    }
    after.forEach(this::track);
    journal.pendingAgain(ops.stream().map(PendingOp::id).toList());
    firePending();
  }

  /** The relay refused a known op: later (retry-after) or for good. */
  void refused(ServerMessage.Nack nack) {
    if (nack.retryAfterMs() > 0) {
      // Resend, in order, once the relay is ready again.
      requeueAll();
      if (!clock.instant().isBefore(pausedUntil)) {
        // One slow-down per refusal burst: the other ops in flight were refused for the same
        // reason.
        budget.slowDown(clock.instant());
      }
      pausedUntil = clock.instant().plusMillis(nack.retryAfterMs());
      resumeTimer.cancel();
      int gen = connection.generation();
      resumeTimer =
          timers.later(
              Duration.ofMillis(nack.retryAfterMs()),
              () -> {
                if (gen == connection.generation()) {
                  pump();
                }
              });
      return;
    }
    if (MISSING_BLOB.equals(nack.reason()) && gate.uploadAgain(unacked.get(nack.id()).op())) {
      // Upload it again, then resend the add with its id, in order (R111).
      requeueAll();
      pump();
      return;
    }
    drop(nack.id(), nack.reason());
    pump();
  }

  /** Takes a refused op off the board and out of the journal for good. */
  private void drop(String opId, String reason) {
    log.info("The relay refused op {} ({})", opId, reason);
    board.reject(opId);
    untrack(opId);
    inFlight.remove(opId);
    gate.done(opId);
    journal.dropped(opId);
    firePending();
    events.opRejected(opId, reason);
  }

  // ---- BlobUploads.Owner
  // -------------------------------------------------------------------------

  @Override
  public void uploadDone() {
    pump();
  }

  /** The relay will never store {@code blobId}: its adds cannot be stored either (R111). */
  @Override
  public void uploadRefused(String blobId, String reason) {
    dropAddsOf(blobId, reason);
    pump();
  }

  private void dropAddsOf(String blobId, String reason) {
    for (Outgoing o : List.copyOf(unacked.values())) {
      ImageRef image = ImageGate.imageOf(o.op().op());
      if (image != null && image.blob().equals(blobId)) {
        drop(o.op().id(), reason);
      }
    }
    events.imageNotStored(blobId, reason);
  }

  /**
   * Queues every unacknowledged op again, in journal order. Not just from the refused one: later
   * refusals of ops sent after it must not push an earlier refused op out of the queue. Ops that
   * were in fact stored come back as duplicate acks.
   */
  private void requeueAll() {
    sendQueue.clear();
    inFlight.clear();
    gate.reset();
    for (Outgoing o : unacked.values()) {
      if (o.index() <= durableIndex) {
        sendQueue.add(o);
      }
    }
  }

  /** Sends queued ops while the window has room. */
  private void pump() {
    if (!connection.isSynced() || clock.instant().isBefore(pausedUntil)) {
      return;
    }
    while (inFlight.size() < sendWindow && !sendQueue.isEmpty()) {
      Outgoing o = sendQueue.peek();
      String id = o.op().id();
      if (!unacked.containsKey(id) || inFlight.contains(id)) {
        sendQueue.poll();
        continue;
      }
      switch (gate.check(o.op())) {
        case GO -> {}
        case WAIT -> {
          return; // an upload runs: this op and every later one wait for it
        }
        case HOLD -> {
          sendQueue.poll(); // for a relay that stores pictures: queued again on reconnect
          continue;
        }
        case TOO_BIG -> {
          // What the relay would answer after the whole upload: save the user the wait.
          dropAddsOf(ImageGate.imageOf(o.op().op()).blob(), "too_big");
          sendQueue.poll();
          continue;
        }
      }
      if (!budget.tryTake(clock.instant())) {
        schedulePacedPump();
        return;
      }
      if (!connection.send(new ClientMessage.SubmitOp(id, o.op().op()))) {
        return; // the socket closed underneath; its close event is on its way
      }
      sendQueue.poll();
      inFlight.add(id);
    }
  }

  private void schedulePacedPump() {
    if (paceTimerSet) {
      return;
    }
    paceTimerSet = true;
    paceTimer =
        timers.later(
            budget.untilNext(clock.instant()),
            () -> {
              paceTimerSet = false;
              pump();
            });
  }

  private void track(Outgoing o) {
    unacked.put(o.op().id(), o);
    unackedPerElement.merge(o.op().op().elementId(), 1, Integer::sum);
  }

  /** Forgets an unacked op; false when it was not one. */
  private boolean untrack(String opId) {
    Outgoing o = unacked.remove(opId);
    if (o == null) {
      return false;
    }
    unackedPerElement.computeIfPresent(o.op().op().elementId(), (id, n) -> n == 1 ? null : n - 1);
    return true;
  }

  private void firePending() {
    events.pendingChanged(changedElements());
  }
}
