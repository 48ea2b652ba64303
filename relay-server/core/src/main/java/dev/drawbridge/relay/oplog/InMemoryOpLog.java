package dev.drawbridge.relay.oplog;

import dev.drawbridge.protocol.board.BoardSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link OpLog} in memory: appends are "durable" at once. For tests and throwaway relays. */
public final class InMemoryOpLog implements OpLog {
  private final Map<String, RoomLog> rooms = new ConcurrentHashMap<>();

  private static final class RoomLog {
    final List<StoredOp> ops = new ArrayList<>();
    final Map<String, Long> seqById = new HashMap<>();
    // Retention (R118) deletes the oldest ops: ops.get(i) has seq firstSeq + i.
    long firstSeq = 1;
    long head;
    BoardSnapshot snapshot;
    BoardSnapshot base;
    final Map<String, ClientKeyHash> clientKeys = new HashMap<>();
    final Map<String, Blob> blobs = new HashMap<>();
    long blobBytes;
  }

  private record Blob(String mime, byte[] bytes) {}

  private RoomLog log(String room) {
    return rooms.computeIfAbsent(room, r -> new RoomLog());
  }

  @Override
  public CompletableFuture<Void> append(String room, StoredOp op) {
    RoomLog log = log(room);
    synchronized (log) {
      long head = log.head;
      if (op.seq() != head + 1) {
        return CompletableFuture.failedFuture(
            new OpLogException("seq " + op.seq() + " after head " + head, null));
      }
      if (log.seqById.putIfAbsent(op.id(), op.seq()) != null) {
        return CompletableFuture.failedFuture(new OpLogException("duplicate id " + op.id(), null));
      }
      log.ops.add(op);
      log.head = op.seq();
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public long headSeq(String room) {
    RoomLog log = log(room);
    synchronized (log) {
      return log.head;
    }
  }

  @Override
  public OptionalLong seqOf(String room, String opId) {
    RoomLog log = log(room);
    synchronized (log) {
      Long seq = log.seqById.get(opId);
      return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
    }
  }

  @Override
  public List<StoredOp> readAfter(String room, long afterSeq, int max) {
    RoomLog log = log(room);
    synchronized (log) {
      // Seqs are gap-free from firstSeq, so seq s sits at index s - firstSeq.
      int from = (int) Math.min(Math.max(afterSeq + 1 - log.firstSeq, 0), log.ops.size());
      int to = (int) Math.min((long) from + max, log.ops.size());
      return List.copyOf(log.ops.subList(from, to));
    }
  }

  @Override
  public Optional<BoardSnapshot> historyBase(String room) {
    RoomLog log = log(room);
    synchronized (log) {
      return Optional.ofNullable(log.base);
    }
  }

  @Override
  public long historyBaseSeq(String room) {
    RoomLog log = log(room);
    synchronized (log) {
      return log.base == null ? 0 : log.base.seq();
    }
  }

  @Override
  public boolean trimsHistory() {
    return true;
  }

  @Override
  public CompletableFuture<Void> trimHistory(String room, BoardSnapshot base, long floor) {
    RoomLog log = log(room);
    synchronized (log) {
      if (log.base == null || base.seq() > log.base.seq()) {
        log.base = base;
      }
      long below = Math.min(floor, log.base.seq());
      int gone = (int) Math.clamp(below - log.firstSeq, 0, log.ops.size());
      List<StoredOp> deleted = log.ops.subList(0, gone);
      deleted.forEach(op -> log.seqById.remove(op.id()));
      deleted.clear();
      log.firstSeq += gone;
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public Map<String, ClientKeyHash> clientKeyHashes(String room) {
    RoomLog log = log(room);
    synchronized (log) {
      return Map.copyOf(log.clientKeys);
    }
  }

  @Override
  public CompletableFuture<Void> saveClientKeyHash(
      String room, String clientId, ClientKeyHash hash) {
    RoomLog log = log(room);
    synchronized (log) {
      log.clientKeys.putIfAbsent(clientId, hash);
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> saveSnapshot(String room, BoardSnapshot snapshot) {
    RoomLog log = log(room);
    synchronized (log) {
      log.snapshot = snapshot;
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public Optional<BoardSnapshot> latestSnapshot(String room) {
    RoomLog log = log(room);
    synchronized (log) {
      return Optional.ofNullable(log.snapshot);
    }
  }

  @Override
  public CompletableFuture<Void> putBlob(String room, String blob, String mime, byte[] bytes) {
    RoomLog log = log(room);
    synchronized (log) {
      if (log.blobs.putIfAbsent(blob, new Blob(mime, bytes.clone())) == null) {
        log.blobBytes += bytes.length;
      }
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public Optional<StoredBlob> blob(String room, String blob) {
    RoomLog log = log(room);
    synchronized (log) {
      Blob b = log.blobs.get(blob);
      return b == null ? Optional.empty() : Optional.of(new StoredBlob(b.mime(), b.bytes().length));
    }
  }

  @Override
  public byte[] readBlob(String room, String blob, long offset, int length) {
    RoomLog log = log(room);
    Blob b;
    synchronized (log) {
      b = log.blobs.get(blob);
    }
    if (b == null) {
      throw new OpLogException("no blob " + blob + " in " + room, null);
    }
    int from = (int) Math.min(Math.max(offset, 0), b.bytes().length);
    return Arrays.copyOfRange(
        b.bytes(), from, (int) Math.min((long) from + length, b.bytes().length));
  }

  @Override
  public long blobBytes(String room) {
    RoomLog log = log(room);
    synchronized (log) {
      return log.blobBytes;
    }
  }

  @Override
  public void close() {}

  /** What it stores in, for the relay's start-up log line. */
  @Override
  public String toString() {
    return "memory";
  }
}
