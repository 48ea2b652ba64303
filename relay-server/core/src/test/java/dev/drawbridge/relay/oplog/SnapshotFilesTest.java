package dev.drawbridge.relay.oplog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshot files: what one write or read of a big snapshot leaves behind in native memory. */
class SnapshotFilesTest {
  private static final Path SMAPS = Path.of("/proc/self/smaps");
  private static final int MB = 1024 * 1024;

  @TempDir Path dir;

  /**
   * Resident kB of anonymous mappings whose size is a malloc'd block of {@code bytes}: glibc maps a
   * block over its threshold on its own, its size rounded up to a page with the chunk header, so
   * (bytes, bytes + 64 KiB]. The Java heap commits whole regions (multiples of 1 MiB) and never
   * falls in that window, which a wider window let it do (a CI run saw the heap grow 4 MB there).
   * JDK 25 does not count the NIO temporary buffers in the "direct" buffer pool, so this looks at
   * the process's memory map.
   */
  private static long residentMallocBlockKb(long bytes) throws IOException {
    long kb = 0;
    boolean match = false;
    for (String line : Files.readAllLines(SMAPS)) {
      if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
        String[] fields = line.trim().split("\\s+");
        String[] range = fields[0].split("-");
        long size = Long.parseUnsignedLong(range[1], 16) - Long.parseUnsignedLong(range[0], 16);
        match =
            fields.length < 6 && size > bytes && size <= bytes + 64 * 1024; // no path: anonymous
      } else if (match && line.startsWith("Rss:")) {
        kb += Long.parseLong(line.trim().split("\\s+")[1]);
      }
    }
    return kb;
  }

  /**
   * The soak (docs/reliability.md, "Soak") found the relay holding a 64 MB resident native mapping,
   * the size of the largest snapshot written: the JDK copies a heap buffer handed to a FileChannel
   * through a temporary native buffer of the same size and keeps it cached for the thread. Measured
   * on the writing thread while it is still alive, as the relay's snapshot worker is.
   */
  @Test
  void aBigSnapshotIsWrittenAndReadWithoutLeavingABigNativeBufferOnTheThread() throws Exception {
    assumeTrue(Files.isReadable(SMAPS), "needs /proc/self/smaps (Linux)");
    SnapshotFiles files = new SnapshotFiles(dir);
    int size = 40 * MB; // over glibc's largest mmap threshold (32 MiB): a mapping of its own
    String big = "{\"seq\":1,\"elements\":[\"" + "x".repeat(size - 26) + "\"]}";
    AtomicReference<long[]> grew = new AtomicReference<>();
    AtomicReference<Optional<String>> read = new AtomicReference<>();
    AtomicReference<Throwable> failed = new AtomicReference<>();
    Thread worker =
        new Thread(
            () -> {
              try {
                long before = residentMallocBlockKb(size);
                files.write("big", big);
                long afterWrite = residentMallocBlockKb(size);
                read.set(files.read("big"));
                long afterRead = residentMallocBlockKb(size);
                grew.set(new long[] {afterWrite - before, afterRead - afterWrite});
              } catch (Throwable t) {
                failed.set(t);
              }
            });
    worker.start();
    worker.join();
    assertThat(failed.get()).isNull();
    assertThat(read.get()).contains(big);
    // Before the fix: +40 MiB resident after the write; now the channel sees 64 KiB at a time.
    assertThat(grew.get()[0]).as("kB left by the write").isLessThan(MB / 1024);
    assertThat(grew.get()[1]).as("kB left by the read").isLessThan(MB / 1024);
    assertThat(files.read("missing")).isEmpty();
  }
}
