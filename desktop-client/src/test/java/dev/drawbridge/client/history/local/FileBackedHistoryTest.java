package dev.drawbridge.client.history.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.history.BoardHistory;
import dev.drawbridge.client.history.Timeline;
import dev.drawbridge.client.io.BoardFile;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.sync.LocalOnlySession;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An offline board's history survives the app: saved into its file, and logged beside it between
 * saves, so a killed app loses at most the op whose line was being written.
 */
class FileBackedHistoryTest {
  @TempDir Path dir;
  private final AtomicLong clock = new AtomicLong(1_000_000);

  private LocalOnlySession session(LocalBoard board) {
    return new LocalOnlySession(board, "t", "me", () -> clock.addAndGet(10));
  }

  private static void draw(LocalBoard board, int from, int count) {
    for (int i = from; i < from + count; i++) {
      board.submit(
          new Op.AddElement(
              Element.shape("r" + i, ElementKind.RECTANGLE, i, 0, 1, 1, Style.DEFAULT, i + 1)));
    }
  }

  /** What AppWindow.openFile does. */
  private LocalOnlySession reopen(Path file) throws Exception {
    LocalBoard board = new LocalBoard();
    LocalOnlySession session = session(board);
    BoardFile.Opened read = new BoardFile().open(file, bytes -> {});
    board.restore(session.fileHistory().open(file, read.snapshot(), read.history()), List.of());
    return session;
  }

  private static Timeline timeline(LocalOnlySession session) {
    return new BoardHistory(
            session.history(), () -> session.board().confirmed().snapshot(), Runnable::run)
        .load()
        .join();
  }

  @Test
  void savedHistoryAndTheOpsLoggedSinceComeBackAfterARestart() throws Exception {
    Path file = dir.resolve("board.drawbridge");
    LocalBoard board = new LocalBoard();
    LocalOnlySession first = session(board);
    first.fileHistory().keepIn(file); // "Work offline" names the file before the first save
    draw(board, 0, 3);
    new BoardFile()
        .save(file, board.confirmed().snapshot(), first.fileHistory().history().upTo(3), null);
    first.fileHistory().saved(file, 3);
    draw(board, 3, 2); // after the last autosave: only in the log
    first.fileHistory().sync();
    String hash = board.view().hash();
    // No close: the app was killed. The file holds 3 ops, the log the other 2.

    try (LocalOnlySession again = reopen(file)) {
      assertThat(again.board().view().hash()).isEqualTo(hash);
      assertThat(again.board().confirmedSeq()).isEqualTo(5);
      Timeline timeline = timeline(again);
      assertThat(timeline.size()).isEqualTo(5);
      assertThat(timeline.op(4).t()).isEqualTo(1_000_050L);
      draw(again.board(), 5, 1); // goes on at seq 6
      assertThat(again.history().page(6, 10).join().ops()).hasSize(1);
    }
    first.close();
  }

  @Test
  void theLogIsKeptBeforeTheBoardsFolderExists() throws Exception {
    // "Work offline" names <home>/boards/board-….drawbridge before the first autosave makes it.
    Path file = dir.resolve("boards").resolve("new.drawbridge");
    LocalBoard board = new LocalBoard();
    try (LocalOnlySession session = session(board)) {
      session.fileHistory().keepIn(file);
      draw(board, 0, 2);
      session.fileHistory().sync();
    }
    HistoryLog.Contents log =
        HistoryLog.read(
            HistoryLog.beside(file),
            new HistoryOpJson(new dev.drawbridge.protocol.ProtocolCodec()));
    assertThat(log.after()).isZero();
    assertThat(log.ops()).hasSize(2);
    // As private as the board file beside it (found by hand: the log was readable by all).
    if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(
              java.nio.file.attribute.PosixFilePermissions.toString(
                  java.nio.file.Files.getPosixFilePermissions(HistoryLog.beside(file))))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void opsRecordedAroundASaveAreLoggedOnceEach() throws Exception {
    // A save restarts the log while appends may still be queued or being flushed: each op must end
    // up in the restarted log exactly once (a queued flush once wrote them into the old file).
    Path file = dir.resolve("race.drawbridge");
    LocalBoard board = new LocalBoard();
    HistoryOpJson json = new HistoryOpJson(new dev.drawbridge.protocol.ProtocolCodec());
    try (LocalOnlySession session = session(board)) {
      session.fileHistory().keepIn(file);
      for (int round = 0; round < 40; round++) {
        draw(board, round * 10, 3);
        long saved = board.confirmedSeq();
        session.fileHistory().saved(file, saved);
        draw(board, round * 10 + 3, 2);
        session.fileHistory().sync();
        HistoryLog.Contents log = HistoryLog.read(HistoryLog.beside(file), json);
        assertThat(log.after()).isEqualTo(saved);
        assertThat(log.ops()).extracting(op -> op.seq()).containsExactly(saved + 1, saved + 2);
      }
    }
  }

  @Test
  void aBoardLeftEmptyLeavesNoLogBehind() {
    Path file = dir.resolve("empty.drawbridge");
    try (LocalOnlySession session = session(new LocalBoard())) {
      session.fileHistory().keepIn(file);
    }
    assertThat(HistoryLog.beside(file)).doesNotExist();
  }

  @Test
  void aTornLastLineOfTheLogLosesOnlyThatOp() throws Exception {
    Path file = dir.resolve("torn.drawbridge");
    LocalBoard board = new LocalBoard();
    LocalOnlySession first = session(board);
    draw(board, 0, 1);
    new BoardFile()
        .save(file, board.confirmed().snapshot(), first.fileHistory().history().upTo(1), null);
    first.fileHistory().saved(file, 1);
    draw(board, 1, 3);
    first.close();
    Path log = HistoryLog.beside(file);
    String text = Files.readString(log, StandardCharsets.UTF_8);
    // Power lost in the middle of the last line.
    Files.writeString(log, text.substring(0, text.length() - 20), StandardCharsets.UTF_8);

    try (LocalOnlySession again = reopen(file)) {
      assertThat(again.board().confirmedSeq()).isEqualTo(3);
      assertThat(again.board().view().visibleElements()).hasSize(3);
      assertThat(timeline(again).size()).isEqualTo(3);
    }
  }

  @Test
  void aLogThatDoesNotContinueTheFileIsIgnored() throws Exception {
    Path file = dir.resolve("other.drawbridge");
    LocalBoard board = new LocalBoard();
    LocalOnlySession first = session(board);
    first.fileHistory().keepIn(file);
    draw(board, 0, 2);
    first.close(); // a log after seq 0 with 2 ops
    // Meanwhile the file was replaced by another board at seq 4 (saved by someone else).
    LocalBoard other = new LocalBoard();
    try (LocalOnlySession writer = session(other)) {
      draw(other, 10, 4);
      new BoardFile()
          .save(file, other.confirmed().snapshot(), writer.fileHistory().history().upTo(4), null);
    }
    try (LocalOnlySession again = reopen(file)) {
      assertThat(again.board().view().hash()).isEqualTo(other.view().hash());
      assertThat(timeline(again).size()).isEqualTo(4);
    }
  }

  @Test
  void aSaveStartsTheLogAgainAfterTheSavedSeq() throws Exception {
    Path file = dir.resolve("compact.drawbridge");
    LocalBoard board = new LocalBoard();
    try (LocalOnlySession session = session(board)) {
      session.fileHistory().keepIn(file);
      draw(board, 0, 50);
      new BoardFile()
          .save(file, board.confirmed().snapshot(), session.fileHistory().history().upTo(50), null);
      session.fileHistory().saved(file, 50);
      draw(board, 50, 1);
      session.fileHistory().sync();
      HistoryLog.Contents log =
          HistoryLog.read(
              HistoryLog.beside(file),
              new HistoryOpJson(new dev.drawbridge.protocol.ProtocolCodec()));
      assertThat(log.after()).isEqualTo(50);
      assertThat(log.ops()).extracting(op -> op.seq()).containsExactly(51L);
    }
  }
}
