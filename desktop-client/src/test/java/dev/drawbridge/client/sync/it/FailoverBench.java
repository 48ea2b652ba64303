package dev.drawbridge.client.sync.it;

import dev.drawbridge.client.sync.ConnectionState;
import dev.drawbridge.client.sync.SessionListener;
import dev.drawbridge.client.sync.SyncConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of {@code relay-server/src/bench/failover.sh} (not a test: run by that script).
 * Opens {@code clients} real sync sessions (default timings: 1 s backoff with full jitter) through
 * the balancer, draws on each, and answers the script through files in a control directory:
 *
 * <ul>
 *   <li>it writes {@code ready} once every member is synced and drawing;
 *   <li>the script writes {@code event-N} holding {@code kill <epoch ms>} (a relay was SIGKILLed at
 *       that instant) or {@code redis <down ms> <up ms>} (Redis was shut down, and answers again
 *       since); the program writes {@code done-N}: the milliseconds from that instant (for Redis:
 *       from {@code up}) until every member is {@code Synced} with nothing pending — after a kill,
 *       on a connection made after the kill; after Redis, with every op also durable (R26) — or
 *       {@code timeout}; after a kill followed by the highest reconnect attempt any member made
 *       since (1: everyone got in on its first try), after Redis by how many members left {@code
 *       Synced} meanwhile;
 *   <li>{@code join <epoch ms>}: a newcomer opens a session (and draws like the others); the
 *       program answers {@code joined} at once (the script watches where the members end up);
 *   <li>the script writes {@code stop}: drawing stops, every member must settle on one head with
 *       the same board, nothing pending or awaiting {@code durable}; the op ids the members drew go
 *       to {@code submitted.txt} (with each member's name and final state in {@code members.txt}),
 *       a summary line to {@code summary.txt}.
 * </ul>
 *
 * Usage: {@code FailoverBench <ws-url> <room> <token> <control-dir> <clients> <draw-pause-ms>
 * <timeout-s>}. Exit 0 when everyone settled with the same board and nothing was rejected.
 */
public final class FailoverBench {
  private FailoverBench() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String room = args[1];
    String token = args[2];
    Path ctl = Path.of(args[3]);
    int n = Integer.parseInt(args[4]);
    long pause = Long.parseLong(args[5]);
    long timeoutMs = Long.parseLong(args[6]) * 1000;
    Files.createDirectories(ctl);

    List<TestClient> clients = new ArrayList<>();
    List<AtomicLong> lastLeftSynced = new ArrayList<>();
    List<Drawer> drawers = new ArrayList<>();
    Queue<long[]> attempts = new ConcurrentLinkedQueue<>();
    int exit = 1;
    try {
      for (int i = 0; i < n; i++) {
        open("m" + i, url, room, token, ctl, clients, lastLeftSynced, attempts);
      }
      if (!waitUntil(60_000, () -> clients.stream().allMatch(TestClient::synced))) {
        throw new IllegalStateException("members not synced at the start");
      }
      for (int i = 0; i < n; i++) {
        drawers.add(
            new Drawer(clients.get(i), new RandomDrawing(i + 1, "m" + i), 1_000_000, pause));
      }
      Files.writeString(ctl.resolve("ready"), "ready\n");

      for (int event = 1; ; event++) {
        Path ev = ctl.resolve("event-" + event);
        while (!Files.exists(ev) && !Files.exists(ctl.resolve("stop"))) {
          Thread.sleep(5);
        }
        if (!Files.exists(ev)) {
          break;
        }
        String[] what = readWhenComplete(ev).trim().split(" ");
        if (what[0].equals("join")) {
          String name = "j" + event;
          TestClient c = open(name, url, room, token, ctl, clients, lastLeftSynced, attempts);
          drawers.add(new Drawer(c, new RandomDrawing(1000 + event, name), 1_000_000, pause));
          Files.writeString(ctl.resolve("done-" + event), "joined\n");
          continue;
        }
        boolean kill = what[0].equals("kill");
        long at = Long.parseLong(what[what.length - 1]);
        long since = Long.parseLong(what[1]);
        long synced = -1;
        while (System.currentTimeMillis() - at < timeoutMs) {
          boolean all = true;
          for (int i = 0; i < clients.size() && all; i++) {
            TestClient c = clients.get(i);
            all =
                (!kill || lastLeftSynced.get(i).get() >= at)
                    && c.call(
                        () ->
                            c.session.state() instanceof ConnectionState.Synced
                                && c.session.pendingCount() == 0
                                && (kill || c.session.awaitingDurableCount() == 0));
          }
          if (all) {
            synced = System.currentTimeMillis() - at;
            break;
          }
          Thread.sleep(5);
        }
        long left = lastLeftSynced.stream().filter(t -> t.get() >= since).count();
        long maxAttempt =
            attempts.stream().filter(a -> a[0] >= at).mapToLong(a -> a[1]).max().orElse(0);
        Files.writeString(
            ctl.resolve("done-" + event),
            (synced < 0 ? "timeout" : Long.toString(synced))
                + " "
                + (kill ? maxAttempt : left)
                + "\n");
      }

      for (Drawer d : drawers) {
        d.close();
      }
      drawers.clear();
      boolean settled =
          waitUntil(
              120_000,
              () -> {
                long head = clients.getFirst().confirmedSeq();
                return clients.stream()
                    .allMatch(c -> c.settledAt(head) && c.awaitingDurable() == 0);
              });
      String board = clients.getFirst().wholeBoard();
      boolean same = clients.stream().allMatch(c -> c.wholeBoard().equals(board));
      List<String> submitted = new ArrayList<>();
      List<String> rejected = new ArrayList<>();
      List<String> members = new ArrayList<>();
      for (TestClient c : clients) {
        submitted.addAll(c.submitted);
        rejected.addAll(c.rejected);
        c.submitted.forEach(id -> members.add(c.name + " " + id));
        members.add(
            "# "
                + c.name
                + " state="
                + c.state().getClass().getSimpleName()
                + " seq="
                + c.confirmedSeq()
                + " pending="
                + c.pending()
                + " awaitingDurable="
                + c.awaitingDurable());
      }
      Files.write(ctl.resolve("submitted.txt"), submitted);
      Files.write(ctl.resolve("members.txt"), members);
      Files.write(ctl.resolve("rejected.txt"), rejected);
      String summary =
          "settled="
              + settled
              + " sameBoard="
              + same
              + " head="
              + clients.getFirst().confirmedSeq()
              + " submitted="
              + submitted.size()
              + " rejected="
              + rejected.size();
      Files.writeString(ctl.resolve("summary.txt"), summary + "\n");
      System.out.println(summary);
      exit = settled && same && rejected.isEmpty() ? 0 : 1;
    } finally {
      for (Drawer d : drawers) {
        d.close();
      }
      for (TestClient c : clients) {
        c.close();
      }
    }
    System.exit(exit);
  }

  /** A member: a real session through the balancer, its last drop and reconnect attempts noted. */
  private static TestClient open(
      String name,
      String url,
      String room,
      String token,
      Path ctl,
      List<TestClient> clients,
      List<AtomicLong> lastLeftSynced,
      Queue<long[]> attempts) {
    TestClient c =
        new TestClient(
            name, url, room, ctl.resolve("client-" + name), SyncConfig.defaults(), token);
    AtomicLong left = new AtomicLong();
    c.run(
        () ->
            c.session.addListener(
                new SessionListener() {
                  @Override
                  public void stateChanged(ConnectionState state) {
                    long now = System.currentTimeMillis();
                    if (!(state instanceof ConnectionState.Synced)) {
                      left.set(now);
                    }
                    if (state instanceof ConnectionState.Reconnecting r) {
                      attempts.add(new long[] {now, r.attempt()});
                    }
                  }
                }));
    clients.add(c);
    lastLeftSynced.add(left);
    return c;
  }

  /** The script writes the file and then renames nothing: read until it holds a whole line. */
  private static String readWhenComplete(Path file) throws IOException, InterruptedException {
    for (int i = 0; i < 200; i++) {
      String s = Files.readString(file);
      if (s.endsWith("\n")) {
        return s;
      }
      Thread.sleep(5);
    }
    throw new IOException("incomplete " + file);
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  private static boolean waitUntil(long millis, Check check) throws Exception {
    long end = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < end) {
      if (check.holds()) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }
}
