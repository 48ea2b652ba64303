package dev.drawbridge.relay.oplog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Each room's newest board snapshot as a file of its own ({@code snapshots/<room>.json}) beside the
 * SQLite op log. A snapshot of a big board is megabytes: written into the op log's database it went
 * through the WAL inside the writer's transaction, so every op committed with it waited for those
 * pages and their fsync, and a checkpoint copied them again. Here it is written once, by the
 * snapshot worker, while the writer keeps committing ops.
 *
 * <p>A snapshot is only a cache of what the op log holds (with retention, R118, of its history base
 * and the ops above it, both in the database), so losing one costs a longer replay when the room
 * next loads, never data. Writes go to a temporary file that is forced to disk and then renamed
 * over the old one, so a reader sees the old snapshot or the new one, never a torn file. Room names
 * are {@code [A-Za-z0-9_-]{1,64}} (R1): safe file names.
 *
 * <p>Files are written and read {@link #CHUNK} bytes at a time. A heap buffer handed to a {@code
 * FileChannel} is copied through a temporary direct buffer of its size, which the JDK then keeps
 * cached for the thread: one write of a 64 MB snapshot left 64 MB of native memory held by the
 * snapshot worker for the rest of the relay's life (found by the soak, docs/reliability.md).
 */
final class SnapshotFiles {
  /** Largest slice handed to the channel at once: bounds the JDK's temporary direct buffer. */
  static final int CHUNK = 64 * 1024;

  private final Path dir;

  SnapshotFiles(Path dataDir) throws IOException {
    this.dir = Files.createDirectories(dataDir.resolve("snapshots"));
  }

  void write(String room, String json) throws IOException {
    Path target = file(room);
    Path temp = dir.resolve(room + ".json.tmp");
    try (FileChannel out =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      for (int at = 0; at < bytes.length; ) {
        at += out.write(ByteBuffer.wrap(bytes, at, Math.min(CHUNK, bytes.length - at)));
      }
      out.force(true);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    forceDirectory();
  }

  Optional<String> read(String room) throws IOException {
    try (FileChannel in = FileChannel.open(file(room), StandardOpenOption.READ)) {
      long size = in.size();
      if (size > Integer.MAX_VALUE - 8) {
        throw new IOException("snapshot of " + room + " too big: " + size + " bytes");
      }
      byte[] bytes = new byte[(int) size];
      for (int at = 0; at < bytes.length; ) {
        int got = in.read(ByteBuffer.wrap(bytes, at, Math.min(CHUNK, bytes.length - at)));
        if (got < 0) {
          throw new IOException("snapshot of " + room + " shrank while read");
        }
        at += got;
      }
      return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private Path file(String room) {
    return dir.resolve(room + ".json");
  }

  /** Makes the rename itself durable (POSIX); Windows cannot open a directory and needs none. */
  private void forceDirectory() {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // Not supported on this platform; the rename is still atomic.
    }
  }
}
