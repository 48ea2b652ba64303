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
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where one shared board lives on this machine: {@code <dataDir>/boards/<host>_<port>/<room>/} with
 * the client id and key, the offline journal and the cached confirmed board. A lock file keeps two
 * app instances from writing the same journal.
 */
public final class BoardDirectory implements AutoCloseable {
  /** The marker file of a board that connected once; {@link #ADDRESS} holds its room address. */
  private static final String CONNECTED = "connected";

  /** The room's address ({@code ws[s]://host:port/v1/rooms/room}), for the start screen. */
  public static final String ADDRESS = "address";

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
    // Where the board lives, so the start screen can offer it again (the folder name loses ws/wss).
    Path address = d.dir.resolve(ADDRESS);
    byte[] bytes = roomUri.toString().getBytes(StandardCharsets.UTF_8);
    if (!Files.exists(address) || !java.util.Arrays.equals(Files.readAllBytes(address), bytes)) {
      AtomicFiles.write(address, bytes);
    }
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

  /**
   * Whether the board ever connected from here (reached {@code synced}): until it has, a failed
   * attempt is "never connected" and not retried on its own.
   */
  public boolean connectedBefore() {
    return Files.exists(dir.resolve(CONNECTED));
  }

  /** Remembers that the board connected (best effort: a failure only costs the retry behaviour). */
  public void rememberConnected() {
    try {
      if (!connectedBefore()) {
        AtomicFiles.write(dir.resolve(CONNECTED), new byte[0]);
      }
    } catch (IOException e) {
      // Next run the board counts as never connected until it connects again.
    }
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

  /**
   * This installation's id and key on this board (R80), each made once and kept across restarts.
   */
  public ClientIdentity identity() throws IOException {
    return new ClientIdentity(clientId(), clientKey());
  }

  /**
   * The secret that shows the relay this installation owns {@link #clientId} (R80): 256 random
   * bits, made on first use and readable by this user only. A lost key only costs the id until the
   * relay restarts (R83), so an unreadable one is replaced rather than fixed.
   */
  String clientKey() throws IOException {
    Path file = dir.resolve("client-key");
    if (Files.exists(file)) {
      String key = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (key.matches("[A-Za-z0-9_-]{32,64}")) {
        return key;
      }
    }
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    String key = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    AtomicFiles.write(file, key.getBytes(StandardCharsets.UTF_8));
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Windows: the file inherits the user's profile folder's access list, which is private.
    }
    return key;
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
