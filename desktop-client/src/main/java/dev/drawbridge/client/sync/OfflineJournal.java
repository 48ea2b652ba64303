package dev.drawbridge.client.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drawbridge.client.model.PendingOp;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every local op, on disk before it is sent: an append-only file of JSON lines, {@code
 * {"id":…,"op":…}} per op (fsync'd), {@code {"ack":…,"seq":n}} when the relay stored it and {@code
 * {"drop":…}} when it refused it for good, {@code {"compacted":n}} when the ops acked up to seq n
 * left it. Ack and drop lines are not fsync'd: losing one only means the op is resent after a
 * crash, and the relay acks a resent id as a duplicate.
 *
 * <p>An acked op stays in the journal until the cached confirmed board (see {@link ConfirmedCache})
 * reaches its seq, so a restart after a crash still shows it while offline, and until the relay
 * said it is durable (R26): until then a relay crash may lose it, and it is sent again. An op the
 * relay lost after acking it is pending again: an ack line with seq 0 says so (a reader that knows
 * nothing of it still reads an unacked op). The last ack line of an op wins. A torn last line
 * (power loss mid-write) is skipped on open. Not thread-safe: one writer thread.
 */
public final class OfflineJournal implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(OfflineJournal.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long REWRITE_ABOVE_BYTES = 1 << 20;

  /** An op in the journal; {@code seq} is 0 until the relay acknowledged it. */
  public record Entry(PendingOp op, long seq) {
    public boolean acked() {
      return seq > 0;
    }
  }

  private final Path file;
  private final ProtocolCodec codec;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private FileChannel channel;

  private OfflineJournal(Path file, ProtocolCodec codec) {
    this.file = file;
    this.codec = codec;
  }

  /** Opens (or creates) the journal, reading what it holds and rewriting it compactly. */
  public static OfflineJournal open(Path file, ProtocolCodec codec) throws IOException {
    OfflineJournal journal = new OfflineJournal(file, codec);
    if (Files.exists(file)) {
      journal.read(Files.readAllBytes(file));
    }
    journal.rewrite();
    return journal;
  }

  private void read(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    int lineNo = 0;
    for (String line : text.split("\n", -1)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      try {
        readLine(line);
      } catch (IOException | ProtocolException | RuntimeException e) {
        // Only a crash mid-append leaves a broken line, and it is the last: the op in it was never
        // sent (sending waits for the fsync), so skipping it loses nothing that left this machine.
        log.warn("Skipping unreadable journal line {} in {}: {}", lineNo, file, e.getMessage());
      }
    }
  }

  private void readLine(String line) throws IOException, ProtocolException {
    JsonNode node = JSON.readTree(line);
    if (node.hasNonNull("op")) {
      String id = node.get("id").asText();
      entries.putIfAbsent(
          id, new Entry(new PendingOp(id, codec.decodeOp(node.get("op").toString())), 0));
    } else if (node.hasNonNull("ack")) {
      String id = node.get("ack").asText();
      Entry e = entries.get(id);
      if (e != null) {
        entries.put(id, new Entry(e.op(), node.get("seq").asLong()));
      }
    } else if (node.hasNonNull("drop")) {
      entries.remove(node.get("drop").asText());
    } else if (node.hasNonNull("compacted")) {
      dropAckedUpTo(node.get("compacted").asLong());
    } else {
      throw new IOException("unknown journal record");
    }
  }

  /**
   * How many elements have changes in {@code file} the relay never acknowledged (the status bar's
   * count: a stroke counts once however many ops it took), read without opening the journal for
   * writing: no lock, no rewrite. The start screen calls it for boards that are not open; a torn or
   * unreadable line is skipped as on open.
   */
  public static int unsentElements(Path file, ProtocolCodec codec) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    OfflineJournal journal = new OfflineJournal(file, codec);
    journal.read(Files.readAllBytes(file));
    java.util.Set<String> elements = new java.util.HashSet<>();
    for (Entry e : journal.entries.values()) {
      if (!e.acked()) {
        elements.add(e.op().op().elementId());
      }
    }
    return elements.size();
  }

  /** Ops in journal order, acked ones included. */
  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /**
   * The ops to show as pending after a restart, in order: every op not acked, and every op acked
   * above {@code confirmedSeq} (the confirmed board on disk does not contain it yet).
   */
  public List<PendingOp> replayable(long confirmedSeq) {
    List<PendingOp> ops = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (!e.acked() || e.seq() > confirmedSeq) {
        ops.add(e.op());
      }
    }
    return ops;
  }

  public int size() {
    return entries.size();
  }

  /** Appends ops and forces them to disk (one fsync for the whole batch). */
  public void append(List<PendingOp> ops) throws IOException {
    if (ops.isEmpty()) {
      return;
    }
    StringBuilder lines = new StringBuilder();
    for (PendingOp p : ops) {
      if (entries.putIfAbsent(p.id(), new Entry(p, 0)) == null) {
        lines.append(opLine(p));
      }
    }
    write(lines.toString());
    channel.force(false);
  }

  /**
   * Records that the relay stored op {@code id} at {@code seq} (a new seq when the relay lost it
   * and stored it again).
   */
  public void acked(String id, long seq) throws IOException {
    Entry e = entries.get(id);
    if (e == null || e.seq() == seq) {
      return;
    }
    entries.put(id, new Entry(e.op(), seq));
    write("{\"ack\":" + JSON.writeValueAsString(id) + ",\"seq\":" + seq + "}\n");
  }

  /**
   * Records that acked ops are pending again: the relay lost them (a reset) and they go out again.
   * Forced to disk (resets are rare): a lost line would leave an op acked at a seq that the next
   * cached board may pass, and compaction would then drop an op the relay does not have.
   */
  public void pendingAgain(List<String> ids) throws IOException {
    for (String id : ids) {
      acked(id, 0);
    }
    channel.force(false);
  }

  /** Records that the relay refused op {@code id} for good. */
  public void dropped(String id) throws IOException {
    if (entries.remove(id) != null) {
      write("{\"drop\":" + JSON.writeValueAsString(id) + "}\n");
    }
  }

  /**
   * Forgets ops acked at or below {@code confirmedSeq}: call it with the lower of the cached
   * confirmed board's seq (it holds them) and the relay's durable seq (the relay cannot lose them).
   * Empties the file when nothing is left, rewrites it when it grew large.
   */
  public void compact(long confirmedSeq) throws IOException {
    boolean removed = dropAckedUpTo(confirmedSeq);
    if (entries.isEmpty()) {
      if (channel.size() > 0) {
        channel.truncate(0);
        channel.force(true);
      }
    } else if (removed && channel.size() > REWRITE_ABOVE_BYTES) {
      rewrite();
    } else if (removed) {
      // So a reopened journal forgets them too, instead of holding them until the next durable.
      write("{\"compacted\":" + confirmedSeq + "}\n");
    }
  }

  private boolean dropAckedUpTo(long seq) {
    boolean removed = false;
    for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (e.acked() && e.seq() <= seq) {
        it.remove();
        removed = true;
      }
    }
    return removed;
  }

  /** Writes what the journal holds to a new file and swaps it in atomically. */
  private void rewrite() throws IOException {
    if (channel != null) {
      channel.close();
    }
    StringBuilder text = new StringBuilder();
    for (Entry e : entries.values()) {
      text.append(opLine(e.op()));
      if (e.acked()) {
        text.append("{\"ack\":").append(JSON.writeValueAsString(e.op().id()));
        text.append(",\"seq\":").append(e.seq()).append("}\n");
      }
    }
    AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  private String opLine(PendingOp p) throws IOException {
    return "{\"id\":"
        + JSON.writeValueAsString(p.id())
        + ",\"op\":"
        + codec.encodeOp(p.op())
        + "}\n";
  }

  private void write(String text) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** Forces what was written (ack lines included) to disk. */
  public void sync() throws IOException {
    channel.force(false);
  }

  @Override
  public void close() throws IOException {
    if (channel != null && channel.isOpen()) {
      channel.force(true);
      channel.close();
    }
  }
}
