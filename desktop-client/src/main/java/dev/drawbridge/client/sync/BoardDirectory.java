package dev.drawbridge.client.sync;

import dev.drawbridge.client.model.Ids;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where one shared board lives on this machine: {@code <dataDir>/boards/<host>_<port>/<room>/} with
 * the client id, the offline journal and the cached confirmed board. A lock file keeps two app
 * instances from writing the same journal.
 */
public final class BoardDirectory implements AutoCloseable {
  private final Path dir;
  private FileChannel lockChannel;
  private FileLock lock;

  private BoardDirectory(Path dir) {
    this.dir = dir;
  }

  /** The directory for {@code roomUri} under {@code dataDir}, created and locked. */
  public static BoardDirectory open(Path dataDir, URI roomUri, String room) throws IOException {
    String server =
        (roomUri.getHost() + "_" + roomUri.getPort()).replaceAll("[^A-Za-z0-9._-]", "_");
    BoardDirectory d = new BoardDirectory(dataDir.resolve("boards").resolve(server).resolve(room));
    Files.createDirectories(d.dir);
    d.lock();
    return d;
  }

  private void lock() throws IOException {
    lockChannel =
        FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      lockChannel.close();
      throw new IOException("This board is already open in another Drawbridge window.");
    }
  }

  public Path path() {
    return dir;
  }

  public Path journalFile() {
    return dir.resolve("journal.jsonl");
  }

  public Path confirmedFile() {
    return dir.resolve("confirmed.json");
  }

  /** This installation's id on this board, created on first use and kept across restarts. */
  public String clientId() throws IOException {
    Path file = dir.resolve("client-id");
    if (Files.exists(file)) {
      String id = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (id.matches("[A-Za-z0-9_-]{1,64}")) {
        return id;
      }
    }
    String id = Ids.random();
    AtomicFiles.write(file, id.getBytes(StandardCharsets.UTF_8));
    return id;
  }

  @Override
  public void close() {
    try {
      if (lock != null) {
        lock.release();
      }
      if (lockChannel != null) {
        lockChannel.close();
      }
    } catch (IOException e) {
      // The OS drops the lock with the process anyway.
    }
  }
}
