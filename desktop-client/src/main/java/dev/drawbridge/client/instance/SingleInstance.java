package dev.drawbridge.client.instance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running app per home directory (ADR 0009). The first launch holds a lock on {@code
 * instance.lock} for as long as it runs and listens on a loopback port, which it writes with a
 * random secret to {@code instance.address}; a later launch that finds the lock taken hands its
 * arguments (invite links, board files) to that port and exits.
 *
 * <p>The operating system drops the lock when its holder dies, however it dies, so a crashed
 * instance never blocks the next start. Everything read from the address file and the socket is
 * bounded and checked: a garbage file or a stray connection is ignored, never obeyed.
 */
public final class SingleInstance implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);

  static final String LOCK_FILE = "instance.lock";
  static final String ADDRESS_FILE = "instance.address";
  private static final String MAGIC = "drawbridge-instance 1";

  /** The address file is one short line; anything longer is not ours. */
  static final int MAX_ADDRESS_BYTES = 512;

  /** A hand-off is a few links or paths; anything longer is refused whole. */
  static final int MAX_HANDOFF_BYTES = 64 * 1024;

  static final int MAX_ARGUMENTS = 32;

  /** How long the listener waits for one hand-off to arrive in full. */
  private static final int READ_TIMEOUT_MS = 3_000;

  private static final String ACCEPTED = "OK";

  private final FileChannel lockChannel;
  private final FileLock lock;
  private final ServerSocket server;
  private final Path addressFile;
  private final byte[] secret;
  private final Thread listener;
  private final List<List<String>> waiting = new ArrayList<>();
  private Consumer<List<String>> target;
  private volatile boolean closed;

  private SingleInstance(
      FileChannel lockChannel,
      FileLock lock,
      ServerSocket server,
      Path addressFile,
      byte[] secret) {
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.server = server;
    this.addressFile = addressFile;
    this.secret = secret;
    this.listener =
        Thread.ofPlatform().daemon().name("drawbridge-instance").unstarted(this::listen);
  }

  /**
   * Becomes the running instance for {@code home}, or returns empty when another process (or
   * another {@code SingleInstance} in this JVM) already is.
   *
   * @throws IOException when the home directory cannot hold the lock at all (then run without)
   */
  public static Optional<SingleInstance> claim(Path home) throws IOException {
    Files.createDirectories(home);
    FileChannel channel =
        FileChannel.open(
            home.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this JVM: the same answer as held by another process
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      return Optional.empty();
    }
    ServerSocket server = null;
    try {
      server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
      byte[] secret = new byte[24];
      new SecureRandom().nextBytes(secret);
      Path addressFile = home.resolve(ADDRESS_FILE);
      writePrivately(addressFile, addressLine(server.getLocalPort(), secret));
      SingleInstance instance = new SingleInstance(channel, lock, server, addressFile, secret);
      instance.listener.start();
      return Optional.of(instance);
    } catch (IOException | RuntimeException e) {
      if (server != null) {
        server.close();
      }
      lock.release();
      channel.close();
      throw e;
    }
  }

  /**
   * Hands {@code arguments} to the instance running for {@code home}, trying for at most {@code
   * patience} (the running instance may be starting and not yet listening). True once it accepted
   * them; false when no instance answered in time.
   */
  public static boolean handOff(Path home, List<String> arguments, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    byte[] message = encode(arguments);
    while (true) {
      Optional<Address> address = readAddress(home.resolve(ADDRESS_FILE));
      if (address.isPresent() && send(address.get(), message)) {
        return true;
      }
      if (System.nanoTime() >= deadline) {
        return false;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /**
   * From now on, hands every received argument list to {@code receiver} (on the listener thread; it
   * should only pass them on), first those that arrived before a receiver was set.
   */
  public void deliverTo(Consumer<List<String>> receiver) {
    synchronized (waiting) {
      target = receiver;
      waiting.forEach(receiver);
      waiting.clear();
    }
  }

  /**
   * Takes arguments the operating system handed to this process itself (macOS sends a clicked link
   * or an opened file to the running app as an event) the same way as a hand-off.
   */
  public void receive(List<String> arguments) {
    dispatch(List.copyOf(arguments));
  }

  /** The loopback port this instance listens on (tests). */
  int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      LOG.debug("Closing the hand-off port failed", e);
    }
    try {
      listener.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(addressFile);
    } catch (IOException e) {
      LOG.debug("Could not remove {}", addressFile, e);
    }
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      LOG.debug("Releasing the instance lock failed", e);
    }
  }

  private void listen() {
    while (!closed) {
      try (Socket socket = server.accept()) {
        socket.setSoTimeout(READ_TIMEOUT_MS);
        Optional<List<String>> arguments =
            receive(new java.io.BufferedInputStream(socket.getInputStream()));
        if (arguments.isEmpty()) {
          LOG.warn("Ignored a hand-off from {}: not from a Drawbridge launch", socket.getPort());
          continue;
        }
        // Queued (or delivered) before the answer: a launch told "accepted" can rely on it.
        dispatch(arguments.get());
        OutputStream out = socket.getOutputStream();
        out.write((ACCEPTED + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException | RuntimeException e) {
        if (!closed) {
          LOG.warn("A hand-off failed", e);
        }
      }
    }
  }

  private void dispatch(List<String> arguments) {
    synchronized (waiting) {
      if (target == null) {
        waiting.add(arguments);
      } else {
        target.accept(arguments);
      }
    }
  }

  /**
   * Reads one hand-off: the secret, then one URL-encoded argument a line, then an empty line. Empty
   * when anything is off (wrong secret, too long, too many arguments, cut short).
   */
  private Optional<List<String>> receive(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int total = 0;
    long deadline = System.nanoTime() + Duration.ofMillis(READ_TIMEOUT_MS).toNanos();
    try {
      for (int b = in.read(); b != -1; b = in.read()) {
        if (++total > MAX_HANDOFF_BYTES || System.nanoTime() > deadline) {
          return Optional.empty(); // too long, or trickled in too slowly to be a launch
        }
        if (b != '\n') {
          line.write(b);
          continue;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (lines.isEmpty()) {
          if (!sameSecret(text)) {
            return Optional.empty();
          }
          lines.add(text);
        } else if (text.isEmpty()) {
          return Optional.of(List.copyOf(lines.subList(1, lines.size())));
        } else if (lines.size() > MAX_ARGUMENTS) {
          return Optional.empty();
        } else {
          lines.add(URLDecoder.decode(text, StandardCharsets.UTF_8));
        }
      }
    } catch (SocketTimeoutException | IllegalArgumentException e) {
      return Optional.empty(); // too slow, or a bad %-escape: not a launch of this app
    }
    return Optional.empty(); // cut short before the closing empty line
  }

  private boolean sameSecret(String text) {
    byte[] given = text.getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(given, Base64.getUrlEncoder().withoutPadding().encode(secret));
  }

  private static byte[] encode(List<String> arguments) {
    StringBuilder s = new StringBuilder();
    for (String argument : arguments.subList(0, Math.min(arguments.size(), MAX_ARGUMENTS))) {
      s.append(URLEncoder.encode(argument, StandardCharsets.UTF_8)).append('\n');
    }
    return s.append('\n').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static boolean send(Address address, byte[] message) {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), address.port()), 1_000);
      socket.setSoTimeout(READ_TIMEOUT_MS + 2_000);
      OutputStream out = socket.getOutputStream();
      out.write((address.secret() + "\n").getBytes(StandardCharsets.US_ASCII));
      out.write(message);
      out.flush();
      byte[] answer = socket.getInputStream().readNBytes(ACCEPTED.length());
      return ACCEPTED.equals(new String(answer, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      return false; // nobody there (yet), or not the app: the caller tries again
    }
  }

  /** The running instance's port and secret, as written in the address file. */
  record Address(int port, String secret) {}

  private static String addressLine(int port, byte[] secret) {
    return MAGIC
        + " "
        + port
        + " "
        + Base64.getUrlEncoder().withoutPadding().encodeToString(secret)
        + "\n";
  }

  /** Reads the address file; empty when it is missing, too long or not in our format. */
  static Optional<Address> readAddress(Path file) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_ADDRESS_BYTES + 1);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (bytes.length > MAX_ADDRESS_BYTES) {
      return Optional.empty();
    }
    String[] parts = new String(bytes, StandardCharsets.US_ASCII).strip().split(" ");
    if (parts.length != 4 || !(parts[0] + " " + parts[1]).equals(MAGIC)) {
      return Optional.empty();
    }
    if (!parts[2].matches("[0-9]{1,5}") || !parts[3].matches("[A-Za-z0-9_-]{16,64}")) {
      return Optional.empty();
    }
    int port = Integer.parseInt(parts[2]);
    return port >= 1 && port <= 65_535
        ? Optional.of(new Address(port, parts[3]))
        : Optional.empty();
  }

  /** Writes the file readable by its owner only (where the file system says who that is). */
  private static void writePrivately(Path target, String text) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    try {
      Files.createFile(
          temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(temp); // Windows: the profile folder is the user's own
    }
    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      out.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
