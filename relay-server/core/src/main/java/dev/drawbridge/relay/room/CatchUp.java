package dev.drawbridge.relay.room;

import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.oplog.OpLog;
import dev.drawbridge.relay.oplog.StoredOp;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * What a joining member is owed (R10–R12): welcome, the ops after its start from the log up to the
 * durable seq and the rest from the room's memory (R26), synced, durable. Planned under the room's
 * monitor; sent outside it by the joiner's transport thread, so a long catch-up holds up neither
 * the room nor the op log's writer thread (which completes every room's appends). Immutable.
 *
 * @param from the seq the member holds already (its lastSeq, the snapshot's or, on reset, the head)
 * @param durable the room's durable seq when planned: ops up to it come from the log
 * @param unstored the ops above {@code durable} then, from memory
 */
record CatchUp(
    ServerMessage.Welcome welcome,
    long from,
    long durable,
    List<UnstoredOps.Unstored> unstored,
    ServerMessage.Synced synced,
    Timer.Sample sample) {

  /** The snapshot a joiner starts from, if any, whether it is a reset (R12), and its seq. */
  record Start(BoardSnapshot snapshot, boolean reset, long from) {}

  /**
   * Where a joiner with {@code lastSeq} and {@code lastOpId} starts (R11, R12). A client that holds
   * ops the room does not (ahead of {@code head}, or another op at {@code lastSeq}: ops lost before
   * they were durable, a restored backup, another relay) is reset to {@code board} at the head; one
   * older than the {@code latest} saved snapshot starts from it; any other from its lastSeq.
   *
   * @param opIdAt the id of the room's op at a seq up to the head, or null when it holds none
   * @param deleted whether retention deleted the room's op at a seq (R118): a client's op there
   *     cannot be checked and is taken on trust, so such a client starts from the newest snapshot
   *     as it did before retention
   * @param board the whole board at the head, made only for a reset
   */
  static Start start(
      long lastSeq,
      String lastOpId,
      long head,
      LongFunction<String> opIdAt,
      LongPredicate deleted,
      BoardSnapshot latest,
      Supplier<BoardSnapshot> board) {
    if (lastSeq > head || !holds(lastSeq, lastOpId, opIdAt, deleted)) {
      return new Start(board.get(), true, head);
    }
    if (latest != null && lastSeq < latest.seq()) {
      return new Start(latest, false, latest.seq());
    }
    return new Start(null, false, lastSeq);
  }

  /** True when the client did not say (an older client) or has nothing yet. */
  private static boolean holds(
      long seq, String opId, LongFunction<String> opIdAt, LongPredicate deleted) {
    if (seq == 0 || opId == null) {
      return true;
    }
    String held = opIdAt.apply(seq);
    return held == null ? deleted.test(seq) : opId.equals(held);
  }

  /** Sends it all to {@code out}: stored ops in batches, then the unstored ones not sent yet. */
  void send(
      Consumer<Outbound> out,
      OpLog opLog,
      String room,
      Function<ServerMessage, Outbound> encode,
      RoomMetrics metrics) {
    out.accept(encode.apply(welcome));
    long sentUpTo = from;
    while (sentUpTo < durable) {
      List<StoredOp> batch = opLog.readAfter(room, sentUpTo, StoredBoard.LOG_BATCH);
      if (batch.isEmpty()) {
        break;
      }
      int sent = 0;
      for (StoredOp op : batch) {
        if (op.seq() > durable) {
          break;
        }
        out.accept(
            encode.apply(
                new ServerMessage.OpBroadcast(
                    op.seq(), op.id(), op.clientId(), op.op(), null, op.t())));
        sentUpTo = op.seq();
        sent++;
      }
      metrics.delivered(sent);
      if (sent < batch.size()) {
        break;
      }
    }
    for (UnstoredOps.Unstored u : unstored) {
      if (u.op().seq() > sentUpTo) {
        out.accept(u.frame());
      }
    }
    out.accept(encode.apply(synced));
    if (durable > 0) {
      out.accept(encode.apply(new ServerMessage.Durable(durable)));
    }
  }
}
