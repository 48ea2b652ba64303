package dev.drawbridge.relay.bench;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.relay.oplog.Durability;
import dev.drawbridge.relay.oplog.SqliteOpLog;
import dev.drawbridge.relay.oplog.StoredOp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code bench --fill-op-log}: writes ops of the bench's mix (the op size and ops per stroke of the
 * load) into a real SQLite op log, as a relay stores them (times included, R116), and says what
 * they take on disk: the room for {@code --history-fetch}, and the disk cost in
 * docs/self-hosting.md. Like a relay, it stores a snapshot of the board at the end, so a member
 * joining the room starts from it instead of replaying every op (a 100,000-op catch-up is ~33 MB:
 * more than a slow reader's send queue may hold, R24). Start {@code serve --data-dir} on the
 * directory afterwards.
 */
public final class OpLogFill {
  private OpLogFill() {}

  /** Appends {@code ops} ops to {@code room} in {@code dir}; returns the database's bytes. */
  public static long fill(Path dir, String room, int ops, int opSizeBytes, int opsPerStroke)
      throws IOException, ProtocolException {
    ProtocolCodec codec = new ProtocolCodec();
    BenchOps mix = new BenchOps(opSizeBytes, opsPerStroke);
    long t = System.currentTimeMillis() - ops * 50L; // one op every 50 ms, ending now
    try (SqliteOpLog log = new SqliteOpLog(dir, Durability.OS, Duration.ofMillis(20))) {
      long seq = log.headSeq(room);
      BoardState board =
          log.latestSnapshot(room).map(BoardState::fromSnapshot).orElseGet(BoardState::new);
      CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
      for (int i = 0; i < ops; i++) {
        ClientMessage.SubmitOp submit =
            (ClientMessage.SubmitOp) codec.decodeClient(mix.op(i % 10, i, 0));
        seq++;
        board.applyOp(submit.op());
        last = log.append(room, new StoredOp(seq, submit.id(), "bench" + i % 10, submit.op(), t));
        t += 50;
      }
      last.join();
      List<Element> elements = new ArrayList<>(board.allElements());
      elements.sort(Comparator.comparing(Element::id));
      log.saveSnapshot(room, new BoardSnapshot(seq, elements)).join();
    }
    return Files.size(dir.resolve(SqliteOpLog.FILE_NAME));
  }
}
