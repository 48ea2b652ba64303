package dev.drawbridge.client.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drawbridge.protocol.board.BoardSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Autosaves are written off the FX thread, newest first, and nothing queued is lost on close. */
class BoardFileWriterTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir Path dir;

  /** One write as the target saw it: which snapshot, and whether on the FX thread. */
  private record Write(long seq, boolean onFxThread) {}

  /** Records writes and really writes them; the first write can be held until released. */
  private static final class RecordingTarget implements BoardFileWriter.Target {
    final List<Write> writes = new CopyOnWriteArrayList<>();
    final CountDownLatch firstStarted = new CountDownLatch(1);
    final CountDownLatch releaseFirst;

    RecordingTarget(boolean holdFirst) {
      releaseFirst = new CountDownLatch(holdFirst ? 1 : 0);
    }

    @Override
    public void save(Path file, BoardSnapshot snapshot) throws BoardFileException {
      boolean first = writes.isEmpty();
      writes.add(new Write(snapshot.seq(), Platform.isFxApplicationThread()));
      if (first) {
        firstStarted.countDown();
        await(releaseFirst);
      }
      new BoardFile().save(file, snapshot);
    }
  }

  @BeforeAll
  static void startFx() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  private static BoardSnapshot at(long seq) {
    return new BoardSnapshot(seq, List.of());
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private long seqOnDisk(Path file) throws BoardFileException {
    return new BoardFile().open(file).seq();
  }

  @Test
  void anAutosaveAskedForOnTheFxThreadIsWrittenOnAnotherWithoutHoldingItUp() throws Exception {
    RecordingTarget target = new RecordingTarget(true);
    Path file = dir.resolve("board.drawbridge");
    AtomicReference<BoardFileException> outcome = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    try (BoardFileWriter writer = new BoardFileWriter(target)) {
      // The FX call returns while the write is still held: the FX thread never waits for the disk.
      WaitForAsyncUtils.waitForAsyncFx(
          PATIENCE.toMillis(),
          () ->
              writer.saveLater(
                  file,
                  at(7),
                  failure -> {
                    outcome.set(failure);
                    done.countDown();
                  }));
      await(target.firstStarted);
      assertThat(done.getCount()).isEqualTo(1);
      target.releaseFirst.countDown();
      await(done);
    }
    assertThat(outcome.get()).isNull();
    assertThat(target.writes).containsExactly(new Write(7, false));
    assertThat(seqOnDisk(file)).isEqualTo(7);
  }

  @Test
  void aQueuedAutosaveIsReplacedByANewerOne() throws Exception {
    RecordingTarget target = new RecordingTarget(true);
    Path file = dir.resolve("board.drawbridge");
    List<Long> reported = new CopyOnWriteArrayList<>();
    try (BoardFileWriter writer = new BoardFileWriter(target)) {
      writer.saveLater(file, at(1), f -> reported.add(1L));
      await(target.firstStarted);
      // While 1 is being written, 2 is queued, then 3 replaces it before it starts.
      writer.saveLater(file, at(2), f -> reported.add(2L));
      writer.saveLater(file, at(3), f -> reported.add(3L));
      target.releaseFirst.countDown();
      Awaitility.await().atMost(PATIENCE).until(() -> reported.size() == 2);
    }
    assertThat(target.writes).extracting(Write::seq).containsExactly(1L, 3L);
    assertThat(reported).containsExactly(1L, 3L);
    assertThat(seqOnDisk(file)).isEqualTo(3);
  }

  @Test
  void closeWritesWhatIsStillQueuedBeforeItReturns() throws Exception {
    RecordingTarget target = new RecordingTarget(true);
    Path file = dir.resolve("board.drawbridge");
    BoardFileWriter writer = new BoardFileWriter(target);
    writer.saveLater(file, at(1), f -> {});
    await(target.firstStarted);
    writer.saveLater(file, at(2), f -> {});
    CompletableFuture<Void> closing = CompletableFuture.runAsync(writer::close);
    target.releaseFirst.countDown();
    closing.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertThat(seqOnDisk(file)).isEqualTo(2);
  }

  @Test
  void anExplicitSaveWaitsForQueuedAutosavesAndLandsLast() throws Exception {
    RecordingTarget target = new RecordingTarget(true);
    Path file = dir.resolve("board.drawbridge");
    try (BoardFileWriter writer = new BoardFileWriter(target)) {
      writer.saveLater(file, at(1), f -> {});
      await(target.firstStarted);
      writer.saveLater(file, at(2), f -> {});
      CompletableFuture<Void> saving =
          CompletableFuture.runAsync(
              () -> {
                try {
                  writer.save(file, at(3));
                } catch (BoardFileException e) {
                  throw new IllegalStateException(e);
                }
              });
      target.releaseFirst.countDown();
      saving.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      // Returned only once written: the newest snapshot is on disk, after the older ones.
      assertThat(seqOnDisk(file)).isEqualTo(3);
    }
    assertThat(target.writes).extracting(Write::seq).containsExactly(1L, 2L, 3L);
  }

  @Test
  void failuresReachTheCaller() throws Exception {
    Path notADir = dir.resolve("file");
    java.nio.file.Files.writeString(notADir, "x");
    Path impossible = notADir.resolve("board.drawbridge");
    AtomicReference<BoardFileException> outcome = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    try (BoardFileWriter writer = new BoardFileWriter()) {
      writer.saveLater(
          impossible,
          at(1),
          failure -> {
            outcome.set(failure);
            done.countDown();
          });
      await(done);
      assertThat(outcome.get()).isNotNull();
      assertThatThrownBy(() -> writer.save(impossible, at(2)))
          .isInstanceOf(BoardFileException.class);
    }
  }
}
