package dev.drawbridge.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.drawbridge.client.model.PendingOp;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Coverage-guided fuzzing of what the app reads back from disk after a crash
 * (docs/decisions/0008-fuzzing-with-jazzer.md). {@link OfflineJournal}: a torn last line is skipped
 * and every complete line before it is read as it was written (a last line that lost only its
 * newline is complete); any bytes at all open without an exception, and the compact rewrite on open
 * keeps exactly what was read. {@link ConfirmedCache}: a torn file is no cache, never another
 * board; any bytes read as no cache or as a valid board.
 */
class DiskReadersFuzzTest {
  private static final int MAX_ACTIONS = 24;
  private static final List<String> IDS = List.of("e0", "e1", "e2");
  private static final ProtocolCodec codec = new ProtocolCodec();
  private static final Path dir = tempDir();

  @FuzzTest(maxDuration = "2m")
  void aTornJournalKeepsEveryCompleteLine(FuzzedDataProvider data) throws IOException {
    Path file = fresh("journal.jsonl");
    List<OfflineJournal.Entry> written;
    try (OfflineJournal journal = OfflineJournal.open(file, codec)) {
      int actions = data.consumeInt(0, MAX_ACTIONS);
      for (int i = 0; i < actions; i++) {
        String opId = "op-" + data.consumeInt(0, 9);
        switch (data.consumeInt(0, 4)) {
          case 0, 1 -> journal.append(List.of(new PendingOp(opId, op(data))));
          case 2 -> journal.acked(opId, data.consumeLong(0, 50));
          case 3 -> journal.dropped(opId);
          default -> journal.compact(data.consumeLong(0, 50));
        }
      }
      written = journal.entries();
    }
    byte[] bytes = Files.readAllBytes(file);
    assertThat(reopen(bytes)).as("the whole file reads as written").isEqualTo(written);

    int cut = data.consumeInt(0, bytes.length);
    int lastComplete = cut;
    if (cut < bytes.length && bytes[cut] == '\n') {
      // Only the newline is lost: the last record is whole and is read (found by fuzzing).
      lastComplete = cut + 1;
    }
    while (lastComplete > 0 && bytes[lastComplete - 1] != '\n') {
      lastComplete--;
    }
    assertThat(reopen(Arrays.copyOf(bytes, cut)))
        .as("torn at %d of %d", cut, bytes.length)
        .isEqualTo(reopen(Arrays.copyOf(bytes, lastComplete)));
  }

  @FuzzTest(maxDuration = "2m")
  void anyJournalBytesOpenAndReopenTheSame(byte[] bytes) throws IOException {
    List<OfflineJournal.Entry> read = reopen(bytes);
    Path file = dir.resolve("journal.jsonl"); // rewritten by the open above
    try (OfflineJournal again = OfflineJournal.open(file, codec)) {
      assertThat(again.entries()).as("the rewrite on open keeps what was read").isEqualTo(read);
    }
  }

  @FuzzTest(maxDuration = "2m")
  void aTornOrDamagedCacheIsTheBoardOrNoBoard(FuzzedDataProvider data)
      throws IOException, ProtocolException {
    BoardState board = new BoardState();
    int ops = data.consumeInt(0, MAX_ACTIONS);
    for (int i = 0; i < ops; i++) {
      board.apply(i + 1, "op-" + i, op(data));
    }
    String lastOpId = data.consumeBoolean() ? null : "op-" + ops;
    Path file = fresh("board.json");
    ConfirmedCache cache = new ConfirmedCache(file, codec);
    cache.write(board.snapshot(), lastOpId);
    ConfirmedCache.Cached whole = cache.read();
    assertThat(whole.snapshot()).isEqualTo(board.snapshot());
    assertThat(whole.lastOpId()).isEqualTo(board.headSeq() > 0 ? lastOpId : null);

    byte[] bytes = Files.readAllBytes(file);
    boolean torn = data.consumeBoolean();
    byte[] damaged =
        torn
            ? Arrays.copyOf(bytes, data.consumeInt(0, bytes.length - 1))
            : data.consumeRemainingAsBytes();
    Files.write(file, damaged);
    ConfirmedCache.Cached read = cache.read();
    if (torn || read.snapshot().seq() == 0) {
      assertThat(read.snapshot()).as("no cache").isEqualTo(new BoardSnapshot(0, List.of()));
      return;
    }
    BoardSnapshot s = read.snapshot();
    assertThat(codec.decodeSnapshot(codec.encodeSnapshot(s))).isEqualTo(s);
  }

  private static Op op(FuzzedDataProvider data) {
    String id = IDS.get(data.consumeInt(0, IDS.size() - 1));
    int x = data.consumeInt(-1000, 1000);
    int y = data.consumeInt(-1000, 1000);
    return switch (data.consumeInt(0, 3)) {
      case 0 ->
          new Op.AddElement(
              Element.freehand(
                  id, ElementKind.STROKE, x, y, Points.of(x, y, y, x), Style.DEFAULT, x));
      case 1 -> new Op.AppendPoints(id, Points.of(x, y));
      case 2 -> new Op.UpdateElement(id, ElementPatch.move(x, y));
      default -> new Op.DeleteElement(id);
    };
  }

  /** What a journal opened on these bytes holds (opening rewrites the file). */
  private static List<OfflineJournal.Entry> reopen(byte[] bytes) throws IOException {
    Path file = fresh("journal.jsonl");
    Files.write(file, bytes);
    try (OfflineJournal journal = OfflineJournal.open(file, codec)) {
      return new ArrayList<>(journal.entries());
    }
  }

  private static Path fresh(String name) throws IOException {
    Path file = dir.resolve(name);
    Files.deleteIfExists(file);
    file.toFile().deleteOnExit(); // before the folder: deleteOnExit runs in reverse order
    return file;
  }

  private static Path tempDir() {
    try {
      Path d = Files.createTempDirectory("drawbridge-fuzz");
      d.toFile().deleteOnExit();
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
