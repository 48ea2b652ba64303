package dev.drawbridge.client.sync.it;

import dev.drawbridge.client.sync.ConnectionState;
import dev.drawbridge.client.sync.JoinRequest;
import dev.drawbridge.client.sync.SyncConfig;
import dev.drawbridge.client.sync.SyncSession;
import dev.drawbridge.client.sync.SyncSessions;
import dev.drawbridge.client.sync.ws.JavaWebSocketTransport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A client in its own JVM, for kill tests. {@code draw <url> <room> <dataDir> <n>}: draws n ops
 * online, goes offline, draws n more, waits until they are all in the journal, prints their ids and
 * "READY", then idles until killed. {@code resume <url> <room> <dataDir>}: reopens the board and
 * prints "SETTLED" once everything is acknowledged. {@code image <url> <room> <dataDir>}: goes
 * offline, adds a picture (bytes in the store, then the op), waits until the op is journaled,
 * prints "BLOB id", "ID opId" and "READY", then idles until killed. Lines for the test start with
 * "@@ ".
 */
public final class ClientProcess {
  private ClientProcess() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, "UTF-8");
    String mode = args[0];
    ExecutorService ui = Executors.newSingleThreadExecutor();
    SyncConfig config =
        SyncConfig.defaults()
            .withHeartbeat(Duration.ofMillis(500), Duration.ofSeconds(3))
            .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2));
    JoinRequest request = new JoinRequest(args[1], args[2], "child", "#123456", null);
    SyncSession session =
        call(
            ui,
            () ->
                SyncSessions.open(
                    request, Path.of(args[3]), ui, config, new JavaWebSocketTransport()));
    List<String> ids = new CopyOnWriteArrayList<>();
    call(
        ui,
        () -> {
          session.board().addOpObserver(op -> ids.add(op.id()));
          return null;
        });
    waitFor(ui, () -> session.state() instanceof ConnectionState.Synced);
    if (mode.equals("image")) {
      byte[] png = dev.drawbridge.client.blob.TestImages.png(400, 300, 77);
      String opId =
          call(
              ui,
              () -> {
                session.goOffline();
                return ImageOps.add(session, "offline-picture", png);
              });
      waitFor(ui, session::journalFlushed);
      out.println("@@ BLOB " + dev.drawbridge.protocol.blob.BlobIds.of(png));
      out.println("@@ ID " + opId);
      out.println("@@ READY");
    } else if (mode.equals("draw")) {
      int n = Integer.parseInt(args[4]);
      RandomDrawing drawing = new RandomDrawing(99, "child");
      while (ids.size() < n) {
        call(
            ui,
            () -> {
              drawing.step(session.board());
              return null;
            });
      }
      call(
          ui,
          () -> {
            session.goOffline();
            return null;
          });
      while (ids.size() < 2 * n) {
        call(
            ui,
            () -> {
              drawing.step(session.board());
              return null;
            });
      }
      waitFor(ui, session::journalFlushed);
      for (String id : ids) {
        out.println("@@ ID " + id);
      }
      out.println("@@ PENDING " + call(ui, session::pendingCount));
      out.println("@@ READY");
    } else {
      waitFor(ui, () -> session.pendingCount() == 0);
      out.println("@@ SETTLED");
    }
    Thread.sleep(Long.MAX_VALUE);
  }

  private static <T> T call(ExecutorService ui, Callable<T> task) throws Exception {
    return ui.submit(task).get(30, TimeUnit.SECONDS);
  }

  private static void waitFor(ExecutorService ui, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!call(ui, condition)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out");
      }
      Thread.sleep(20);
    }
  }
}
