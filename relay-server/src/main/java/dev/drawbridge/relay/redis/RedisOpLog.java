package dev.drawbridge.relay.redis;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.relay.oplog.ClientKeyHash;
import dev.drawbridge.relay.oplog.OpLog;
import dev.drawbridge.relay.oplog.OpLogException;
import dev.drawbridge.relay.oplog.RoomTakenException;
import dev.drawbridge.relay.oplog.StoredBlob;
import dev.drawbridge.relay.oplog.StoredOp;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An {@link OpLog} in Redis, for relays that share storage. Per room: a list of ops (index = seq −
 * 1 − trimmed), a hash op id → seq, a string with the snapshot (plus its seq), the relay that holds
 * the room, and its blobs (R108): one string of bytes per blob, an index id → mime and size, and
 * their byte count. Retention (R118) adds the history base (its JSON and its seq) and how many ops
 * it deleted from the list's start ({@code trimmed}; a room without it has lost none, as all data
 * from before retention). Appends run a script that checks the appending relay holds the room, the
 * seq follows the head, the op follows the one its relay ordered before, and the id is new: two
 * relays can never interleave one room.
 *
 * <p>Durability is Redis's: configure {@code appendonly yes} and {@code appendfsync always} for "no
 * acked op is lost". Appends are pipelined on one connection, so their replies — and the futures,
 * completed on one thread — come back in append order.
 */
public final class RedisOpLog implements OpLog {
  /**
   * KEYS: ops, ids, owner, trimmed. ARGV: seq, id, the stored line, the id of the op it must follow
   * ('' for the room's first op), and the relay that must hold the room; '*' in the last two skips
   * those checks (appends outside a relay: tests, tools). The owner check refuses a relay that lost
   * the room ({@link OpLog#claim}); the chain check refuses an op that would follow another relay's
   * ({@link OpLog#appendAfter}). The head is the list's length plus the ops retention deleted from
   * its start ({@link #TRIM}, none in data from before retention), and retention always leaves the
   * newest op, so a room with a head has one to check the chain against. {@code LINDEX -1} is O(1);
   * the id is the line's second field.
   */
  private static final String APPEND =
      """
      if ARGV[5] ~= '*' and redis.call('GET', KEYS[3]) ~= ARGV[5] then return -4 end
      local length = redis.call('LLEN', KEYS[1])
      local trimmed = tonumber(redis.call('GET', KEYS[4]) or '0')
      if length + trimmed ~= tonumber(ARGV[1]) - 1 then return -1 end
      if ARGV[4] ~= '*' and length > 0 then
        local newest = redis.call('LINDEX', KEYS[1], -1)
        if string.match(newest, '^[^\\t]*\\t([^\\t]*)\\t') ~= ARGV[4] then return -3 end
      end
      if redis.call('HSETNX', KEYS[2], ARGV[2], ARGV[1]) == 0 then return -2 end
      redis.call('RPUSH', KEYS[1], ARGV[3])
      return 1
      """;

  /**
   * Retention (R118) in one script, so no reader sees ops deleted without the base that covers
   * them. KEYS: ops, ids, trimmed, history base, history base seq. ARGV: the base's seq, its JSON,
   * the floor, the most ops to delete. Keeps the base if it is newer than the one kept (a relay
   * that lost the room may still trim with an older one), then deletes the ops below both the floor
   * and the kept base's seq, at most ARGV[4] of them and never the newest: LTRIM drops them from
   * the list's start, HDEL their ids (read 1,000 lines at a time), and the trimmed count grows by
   * as many, so seq s stays at list index s − 1 − trimmed. Returns how many went.
   */
  private static final String TRIM =
      """
      local baseSeq = tonumber(redis.call('GET', KEYS[5]) or '0')
      if tonumber(ARGV[1]) > baseSeq then
        redis.call('SET', KEYS[4], ARGV[2])
        redis.call('SET', KEYS[5], ARGV[1])
        baseSeq = tonumber(ARGV[1])
      end
      local trimmed = tonumber(redis.call('GET', KEYS[3]) or '0')
      local length = redis.call('LLEN', KEYS[1])
      local below = math.min(tonumber(ARGV[3]), baseSeq)
      local count = math.min(below - 1 - trimmed, length - 1, tonumber(ARGV[4]))
      if count <= 0 then return 0 end
      for from = 0, count - 1, 1000 do
        local lines = redis.call('LRANGE', KEYS[1], from, math.min(from + 999, count - 1))
        local ids = {}
        for i, line in ipairs(lines) do
          ids[i] = string.match(line, '^[^\\t]*\\t([^\\t]*)\\t')
        end
        if #ids > 0 then redis.call('HDEL', KEYS[2], unpack(ids)) end
      end
      redis.call('LTRIM', KEYS[1], count, -1)
      redis.call('INCRBY', KEYS[3], count)
      return count
      """;

  /**
   * KEYS: ops, trimmed. The head: the list's length plus the ops trimmed from its start, read
   * together so a trim cannot fall between them.
   */
  private static final String HEAD =
      """
      return redis.call('LLEN', KEYS[1]) + tonumber(redis.call('GET', KEYS[2]) or '0')
      """;

  /**
   * KEYS: ops, trimmed. ARGV: after seq, max. Up to max lines with seq > after, from the oldest op
   * still stored when after is below it: the offset and the range are read together.
   */
  private static final String READ_AFTER =
      """
      local trimmed = tonumber(redis.call('GET', KEYS[2]) or '0')
      local from = math.max(tonumber(ARGV[1]) - trimmed, 0)
      return redis.call('LRANGE', KEYS[1], from, from + tonumber(ARGV[2]) - 1)
      """;

  /**
   * Ops one trim deletes at most, as SQLite's: Redis runs one script at a time for every relay
   * sharing it, so a first trim of a big old room is spread over later snapshots instead of holding
   * up every room at once.
   */
  static final int MAX_TRIM_OPS = 10_000;

  /** Marks a skipped check in {@link #APPEND}: no op id or relay id has a '*' (R60). */
  private static final String UNCHECKED = "*";

  /**
   * Replaces the snapshot only with a newer one: with several relays on one Redis, one that lost a
   * room may still hold it (for up to a few seconds) and must not put an older snapshot back.
   */
  private static final String SAVE_SNAPSHOT =
      """
      local seq = tonumber(redis.call('GET', KEYS[2]) or '0')
      if seq >= tonumber(ARGV[1]) then return 0 end
      redis.call('SET', KEYS[1], ARGV[2])
      redis.call('SET', KEYS[2], ARGV[1])
      return 1
      """;

  /**
   * KEYS: the room's blob index (id → "mime TAB size"), the blob's bytes, the room's blob byte
   * count. ARGV: id, index entry, bytes, size. A blob the room holds is left as it is, so each
   * counts once toward {@code --max-room-blob-bytes} whichever relay stored it.
   */
  private static final String PUT_BLOB =
      """
      if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end
      redis.call('SET', KEYS[2], ARGV[3])
      redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
      redis.call('INCRBY', KEYS[3], ARGV[4])
      return 1
      """;

  private final ProtocolCodec codec = new ProtocolCodec();
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> writeConnection;
  private final StatefulRedisConnection<String, String> readConnection;
  private final RedisAsyncCommands<String, String> writes;
  private final RedisCommands<String, String> reads;
  // Blob bytes are binary: their own connection, with byte[] values (keys stay text).
  private final StatefulRedisConnection<String, byte[]> blobConnection;
  private final ExecutorService completions =
      Executors.newSingleThreadExecutor(
          r -> Thread.ofPlatform().name("redis-oplog-completions").daemon(true).unstarted(r));
  private final String prefix;

  /** This relay in the rooms' owner keys: one per process, so a restarted relay claims anew. */
  private final String relayId = UUID.randomUUID().toString();

  private volatile boolean closed;

  /**
   * @param redisUri e.g. {@code redis://127.0.0.1:6379/0}
   * @param prefix key prefix, so several deployments can share one Redis
   */
  public RedisOpLog(String redisUri, String prefix) {
    this.prefix = prefix;
    client = RedisClient.create(redisUri);
    writeConnection = client.connect();
    readConnection = client.connect();
    writes = writeConnection.async();
    reads = readConnection.sync();
    blobConnection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
  }

  private String key(String room, String what) {
    // The hash tag keeps a room's keys in one Redis Cluster slot.
    return prefix + "{" + room + "}:" + what;
  }

  /**
   * One stored op as a line: seq, id, client id, time (R116), op JSON, separated by tabs (ids have
   * none, and JSON escapes them in strings). A line from before op times has no time field: its
   * fourth field is the op's JSON, which starts with a brace.
   */
  private String encode(StoredOp op) {
    return op.seq()
        + "\t"
        + op.id()
        + "\t"
        + op.clientId()
        + "\t"
        + op.t()
        + "\t"
        + codec.encodeOp(op.op());
  }

  private StoredOp decode(String line) {
    String[] parts = line.split("\t", 5);
    try {
      boolean timed = parts.length == 5;
      return new StoredOp(
          Long.parseLong(parts[0]),
          parts[1],
          parts[2],
          codec.decodeOp(timed ? parts[4] : parts[3]),
          timed ? Long.parseLong(parts[3]) : 0);
    } catch (ProtocolException | RuntimeException e) {
      throw new OpLogException("unreadable op in Redis", e);
    }
  }

  @Override
  public CompletableFuture<Void> append(String room, StoredOp op) {
    return append(room, op, UNCHECKED, UNCHECKED);
  }

  @Override
  public CompletableFuture<Void> appendAfter(String room, String previousId, StoredOp op) {
    return append(room, op, previousId == null ? "" : previousId, relayId);
  }

  private CompletableFuture<Void> append(String room, StoredOp op, String previous, String holder) {
    if (closed) {
      return CompletableFuture.failedFuture(new OpLogException("op log is closed", null));
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    writes
        .<Long>eval(
            APPEND,
            ScriptOutputType.INTEGER,
            new String[] {
              key(room, "ops"), key(room, "ids"), key(room, "owner"), key(room, "trimmed")
            },
            Long.toString(op.seq()),
            op.id(),
            encode(op),
            previous,
            holder)
        .whenCompleteAsync(
            (result, error) -> {
              if (error != null) {
                done.completeExceptionally(new OpLogException("append failed", error));
              } else if (result == -4L) {
                done.completeExceptionally(
                    new RoomTakenException("another relay holds room " + room));
              } else if (result != 1L) {
                done.completeExceptionally(new OpLogException(refusal(op, result), null));
              } else {
                done.complete(null);
              }
            },
            completions);
    return done;
  }

  /**
   * The last relay to claim a room holds it: a plain SET, no lease to wait for, since the relay
   * that held it may be dead (fail-over) or alive with members the balancer no longer sends there
   * (hand-back); either way the claimer is where new connections go.
   */
  @Override
  public void claim(String room) {
    reads.set(key(room, "owner"), relayId);
  }

  @Override
  public boolean holds(String room) {
    return relayId.equals(reads.get(key(room, "owner")));
  }

  private static String refusal(StoredOp op, long result) {
    if (result == -1L) {
      return "seq " + op.seq() + " does not follow the head";
    }
    if (result == -3L) {
      return "seq " + op.seq() + " would follow another relay's op";
    }
    return "duplicate id " + op.id();
  }

  /** Several relays may use one Redis (each room routed to one of them at a time). */
  @Override
  public boolean shared() {
    return true;
  }

  /** The first claim stays (HSETNX), as in the room; hex, like every value here, is plain text. */
  @Override
  public CompletableFuture<Void> saveClientKeyHash(
      String room, String clientId, ClientKeyHash hash) {
    if (closed) {
      return CompletableFuture.failedFuture(new OpLogException("op log is closed", null));
    }
    return writes
        .hsetnx(key(room, "client-keys"), clientId, hash.hex())
        .toCompletableFuture()
        .<Void>thenApply(stored -> null)
        .exceptionally(
            error -> {
              throw new OpLogException("client key not saved", error);
            });
  }

  @Override
  public Map<String, ClientKeyHash> clientKeyHashes(String room) {
    Map<String, ClientKeyHash> hashes = new HashMap<>();
    try {
      reads
          .hgetall(key(room, "client-keys"))
          .forEach((id, hex) -> hashes.put(id, ClientKeyHash.ofHex(hex)));
    } catch (IllegalArgumentException e) {
      throw new OpLogException("client keys of " + room + " unreadable", e);
    }
    return hashes;
  }

  @Override
  public CompletableFuture<Void> putBlob(String room, String blob, String mime, byte[] bytes) {
    if (closed) {
      return CompletableFuture.failedFuture(new OpLogException("op log is closed", null));
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    blobConnection
        .async()
        .<Long>eval(
            PUT_BLOB,
            ScriptOutputType.INTEGER,
            new String[] {key(room, "blobs"), key(room, "blob:" + blob), key(room, "blob-bytes")},
            utf8(blob),
            utf8(mime + "\t" + bytes.length),
            bytes,
            utf8(Long.toString(bytes.length)))
        .whenCompleteAsync(
            (ok, error) -> {
              if (error != null) {
                done.completeExceptionally(new OpLogException("blob not stored", error));
              } else {
                done.complete(null);
              }
            },
            completions);
    return done;
  }

  @Override
  public Optional<StoredBlob> blob(String room, String blob) {
    byte[] entry = blobConnection.sync().hget(key(room, "blobs"), blob);
    if (entry == null) {
      return Optional.empty();
    }
    String[] parts = new String(entry, StandardCharsets.UTF_8).split("\t", 2);
    try {
      return Optional.of(new StoredBlob(parts[0], Long.parseLong(parts[1])));
    } catch (RuntimeException e) {
      throw new OpLogException("unreadable blob entry in Redis", e);
    }
  }

  @Override
  public byte[] readBlob(String room, String blob, long offset, int length) {
    StoredBlob.Range range = StoredBlob.rangeOf(this, room, blob, offset, length);
    if (range.length() == 0) {
      return new byte[0];
    }
    // GETRANGE's end is inclusive.
    return blobConnection
        .sync()
        .getrange(key(room, "blob:" + blob), range.from(), range.from() + range.length() - 1);
  }

  @Override
  public long blobBytes(String room) {
    byte[] count = blobConnection.sync().get(key(room, "blob-bytes"));
    return count == null ? 0 : Long.parseLong(new String(count, StandardCharsets.UTF_8));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public long headSeq(String room) {
    Long head =
        reads.eval(
            HEAD, ScriptOutputType.INTEGER, new String[] {key(room, "ops"), key(room, "trimmed")});
    return head;
  }

  /** Ids of deleted ops left the hash with them: they are not found, as in SQLite. */
  @Override
  public OptionalLong seqOf(String room, String opId) {
    String seq = reads.hget(key(room, "ids"), opId);
    return seq == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(seq));
  }

  /**
   * Seqs above this are read as this: a list holds fewer than 2^32 ops, and the script's numbers
   * stay integers Redis reads back as such.
   */
  private static final long MAX_READ_SEQ = 1L << 40;

  @Override
  public List<StoredOp> readAfter(String room, long afterSeq, int max) {
    if (max <= 0) {
      return List.of();
    }
    List<String> lines =
        reads.eval(
            READ_AFTER,
            ScriptOutputType.MULTI,
            new String[] {key(room, "ops"), key(room, "trimmed")},
            Long.toString(Math.clamp(afterSeq, 0, MAX_READ_SEQ)),
            Integer.toString(max));
    List<StoredOp> ops = new ArrayList<>(lines.size());
    for (String line : lines) {
      ops.add(decode(line));
    }
    return ops;
  }

  @Override
  public boolean trimsHistory() {
    return true;
  }

  /**
   * One script ({@link #TRIM}) keeps the base and deletes at most {@value #MAX_TRIM_OPS} ops; the
   * base's JSON is encoded here, on the caller's thread (the snapshot worker).
   */
  @Override
  public CompletableFuture<Void> trimHistory(String room, BoardSnapshot base, long floor) {
    return trimHistory(room, base, floor, MAX_TRIM_OPS);
  }

  /** {@link #trimHistory} deleting at most {@code maxOps} ops (tests). */
  CompletableFuture<Void> trimHistory(String room, BoardSnapshot base, long floor, int maxOps) {
    if (closed) {
      return CompletableFuture.failedFuture(new OpLogException("op log is closed", null));
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    writes
        .<Long>eval(
            TRIM,
            ScriptOutputType.INTEGER,
            new String[] {
              key(room, "ops"),
              key(room, "ids"),
              key(room, "trimmed"),
              key(room, "history-base"),
              key(room, "history-base-seq")
            },
            Long.toString(base.seq()),
            codec.encodeSnapshot(base),
            Long.toString(Math.clamp(floor, 0, MAX_READ_SEQ)),
            Integer.toString(maxOps))
        .whenCompleteAsync(
            (deleted, error) -> {
              if (error != null) {
                done.completeExceptionally(new OpLogException("history not trimmed", error));
              } else {
                done.complete(null);
              }
            },
            completions);
    return done;
  }

  @Override
  public Optional<BoardSnapshot> historyBase(String room) {
    String json = reads.get(key(room, "history-base"));
    if (json == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(codec.decodeSnapshot(json));
    } catch (ProtocolException e) {
      throw new OpLogException("unreadable history base of " + room, e);
    }
  }

  @Override
  public long historyBaseSeq(String room) {
    String seq = reads.get(key(room, "history-base-seq"));
    return seq == null ? 0 : Long.parseLong(seq);
  }

  @Override
  public CompletableFuture<Void> saveSnapshot(String room, BoardSnapshot snapshot) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    writes
        .<Long>eval(
            SAVE_SNAPSHOT,
            ScriptOutputType.INTEGER,
            new String[] {key(room, "snapshot"), key(room, "snapshot-seq")},
            Long.toString(snapshot.seq()),
            codec.encodeSnapshot(snapshot))
        .whenCompleteAsync(
            (ok, error) -> {
              if (error != null) {
                done.completeExceptionally(new OpLogException("snapshot not saved", error));
              } else {
                done.complete(null);
              }
            },
            completions);
    return done;
  }

  @Override
  public Optional<BoardSnapshot> latestSnapshot(String room) {
    String json = reads.get(key(room, "snapshot"));
    if (json == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(codec.decodeSnapshot(json));
    } catch (ProtocolException e) {
      throw new OpLogException("unreadable snapshot of " + room, e);
    }
  }

  /** What it stores in, for the relay's start-up log line (not the URI: it may hold a password). */
  @Override
  public String toString() {
    return "redis";
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    // A PING queued behind every pending append: when it answers, they have all answered.
    try {
      writes.ping().get(30, TimeUnit.SECONDS);
      blobConnection.async().ping().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Closing anyway; pending futures fail with the connection.
    }
    completions.shutdown();
    try {
      completions.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writeConnection.close();
    readConnection.close();
    blobConnection.close();
    client.shutdown();
  }
}
