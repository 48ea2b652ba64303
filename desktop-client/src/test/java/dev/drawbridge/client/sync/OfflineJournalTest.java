package dev.drawbridge.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.model.PendingOp;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineJournalTest {
  private final ProtocolCodec codec = new ProtocolCodec();
  @TempDir Path dir;

  private static PendingOp add(String id) {
    return new PendingOp(
        "op-" + id,
        new Op.AddElement(
            Element.freehand(
                id, ElementKind.STROKE, 1, 2, Points.of(1, 2, 3, 4), Style.DEFAULT, 1)));
  }

  private static PendingOp move(String id, String element) {
    return new PendingOp(id, new Op.UpdateElement(element, ElementPatch.move(5, 6)));
  }

  private Path file() {
    return dir.resolve("journal.jsonl");
  }

  @Test
  void opsSurviveReopenInOrder() throws IOException {
    try (OfflineJournal j = OfflineJournal.open(file(), codec)) {
      j.append(List.of(add("a"), add("b")));
      j.append(List.of(move("m1", "a")));
    }
    try (OfflineJournal j = OfflineJournal.open(file(), codec)) {
      assertThat(j.replayable(0)).containsExactly(add("a"), add("b"), move("m1", "a"));
    }
  }

  @Test
  void ackedOpsStayUntilTheCachedBoardHoldsThem() throws IOException {
    try (OfflineJournal j = OfflineJournal.open(file(), codec)) {
      j.append(List.of(add("a"), add("b"), add("c")));
      j.acked("op-a", 5);
      j.acked("op-b", 9);
    }
    try (OfflineJournal j = OfflineJournal.open(file(), codec)) {
      // The board on disk is at seq 7: it holds a (5) but not b (9); c was never acked.
      assertThat(j.replayable(7)).containsExactly(add("b"), add("c"));
      j.compact(9);
      assertThat(j.replayable(9)).containsExactly(add("c"));
      assertThat(j.size()).isEqualTo(1);
    }
  }

  @Test
  void droppedOpsAreGone() throws IOException {
    try (OfflineJournal j = OfflineJournal.open(file(), codec)) {
      j.append(List.of(add("a"), add("b")));
      j.dropped("op-a");
    }
    try (OfflineJournal j = OfflineJournal.open(file(), codec)) {
      assertThat(j.replayable(0)).containsExactly(add("b"));
    }
  }

  @Test
  void compactEmptiesTheFileWhenEverythingIsConfirmed() throws IOException {
    try (OfflineJournal j = OfflineJournal.open(file(), codec)) {
      j.append(List.of(add("a"), add("b")));
      j.acked("op-a", 1);
      j.acked("op-b", 2);
      j.compact(2);
      assertThat(Files.size(file())).isZero();
      j.append(List.of(add("c")));
    }
    try (OfflineJournal j = OfflineJournal.open(file(), codec)) {
      assertThat(j.replayable(2)).containsExactly(add("c"));
    }
  }

  @Test
  void tornLastLineIsSkippedAndLaterAppendsStillRead() throws IOException {
    try (OfflineJournal j = OfflineJournal.open(file(), codec)) {
      j.append(List.of(add("a"), add("b")));
    }
    // A crash in the middle of writing the third line.
    String third = "{\"id\":\"op-c\",\"op\":{\"type\":\"add\",\"element\":{\"id\":\"c\",\"ki";
    Files.writeString(file(), third, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    try (OfflineJournal j = OfflineJournal.open(file(), codec)) {
      assertThat(j.replayable(0)).containsExactly(add("a"), add("b"));
      j.append(List.of(add("d")));
    }
    try (OfflineJournal j = OfflineJournal.open(file(), codec)) {
      assertThat(j.replayable(0)).containsExactly(add("a"), add("b"), add("d"));
    }
  }

  @Test
  void aLastLineThatLostOnlyItsNewlineIsWholeAndRead() throws IOException {
    try (OfflineJournal j = OfflineJournal.open(file(), codec)) {
      j.append(List.of(add("a"), add("b")));
    }
    // The crash cut the file one byte short (found by DiskReadersFuzzTest): op-b is complete.
    byte[] bytes = Files.readAllBytes(file());
    Files.write(file(), Arrays.copyOf(bytes, bytes.length - 1));
    try (OfflineJournal j = OfflineJournal.open(file(), codec)) {
      assertThat(j.replayable(0)).containsExactly(add("a"), add("b"));
      j.append(List.of(add("c")));
    }
    try (OfflineJournal j = OfflineJournal.open(file(), codec)) {
      assertThat(j.replayable(0)).containsExactly(add("a"), add("b"), add("c"));
    }
  }

  @Test
  void garbageLinesAndDuplicatesAreTolerated() throws IOException {
    try (OfflineJournal j = OfflineJournal.open(file(), codec)) {
      j.append(List.of(add("a")));
    }
    Files.writeString(
        file(), "not json\n\n{\"what\":1}\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    Files.writeString(
        file(),
        Files.readString(file()).lines().findFirst().orElseThrow() + "\n",
        StandardOpenOption.APPEND);
    try (OfflineJournal j = OfflineJournal.open(file(), codec)) {
      assertThat(j.replayable(0)).containsExactly(add("a"));
    }
  }

  @Test
  void aMissingFileIsAnEmptyJournal() throws IOException {
    try (OfflineJournal j = OfflineJournal.open(dir.resolve("sub-none.jsonl"), codec)) {
      assertThat(j.replayable(0)).isEmpty();
    }
  }

  @Test
  void opsPendingAgainAfterAResetAreReplayedAndTheirNewAckWins() throws IOException {
    try (OfflineJournal j = OfflineJournal.open(file(), codec)) {
      j.append(List.of(add("a"), add("b")));
      j.acked("op-a", 5);
      j.acked("op-b", 6);
      j.pendingAgain(List.of("op-a", "op-b")); // the relay lost both (R26)
    }
    try (OfflineJournal j = OfflineJournal.open(file(), codec)) {
      // Acked at 5 and 6 no longer: pending whatever the cached board's seq.
      assertThat(j.replayable(9)).containsExactly(add("a"), add("b"));
      j.compact(9);
      assertThat(j.size()).isEqualTo(2);
      j.acked("op-a", 2); // stored again, at a seq of the relay's new history
    }
    try (OfflineJournal j = OfflineJournal.open(file(), codec)) {
      assertThat(j.entries()).extracting(OfflineJournal.Entry::seq).containsExactly(2L, 0L);
      assertThat(j.replayable(1)).containsExactly(add("a"), add("b"));
      assertThat(j.replayable(2)).containsExactly(add("b"));
    }
  }

  @Test
  void whatCompactionDroppedStaysDroppedAfterReopen() throws IOException {
    try (OfflineJournal j = OfflineJournal.open(file(), codec)) {
      j.append(List.of(add("a"), add("b"), add("c")));
      j.acked("op-a", 1);
      j.acked("op-b", 2);
      j.compact(1); // e.g. cached at 2, durable at 1
      assertThat(Files.size(file())).isPositive();
    }
    try (OfflineJournal j = OfflineJournal.open(file(), codec)) {
      assertThat(j.entries()).extracting(e -> e.op().id()).containsExactly("op-b", "op-c");
      assertThat(j.entries()).extracting(OfflineJournal.Entry::seq).containsExactly(2L, 0L);
    }
  }

  @Test
  void aJournalWithoutTheNewRecordsReadsAsBefore() throws IOException {
    // What an older version wrote: op lines and ack lines only.
    Files.writeString(
        file(),
        "{\"id\":\"op-a\",\"op\":"
            + codec.encodeOp(add("a").op())
            + "}\n{\"ack\":\"op-a\",\"seq\":3}\n",
        StandardCharsets.UTF_8);
    try (OfflineJournal j = OfflineJournal.open(file(), codec)) {
      assertThat(j.entries()).containsExactly(new OfflineJournal.Entry(add("a"), 3));
    }
  }
}
