import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Base64;
import java.util.Random;

/**
 * CPU cost of the relay's op inserts in SQLite, alone: the op log's schema, random 22-character op
 * ids, a 250-byte op body, N ops per commit, process CPU (user + system, from /proc/self/stat) per
 * op after 50,000 untimed inserts. Documented in docs/performance.md ("Relay"). Run with the source
 * launcher and the sqlite-jdbc jar from the local Maven repository:
 *
 * <pre>
 * J=$(ls ~/.m2/repository/org/xerial/sqlite-jdbc/3.50.3.0/sqlite-jdbc-3.50.3.0.jar)
 * for b in 1 2 4; do for s in FULL NORMAL; do
 *   taskset -c 0 java -cp $J relay-server/src/bench/SqliteCommitCost.java $s 10000 $b; done; done
 * </pre>
 */
public class SqliteCommitCost {
  public static void main(String[] args) throws Exception {
    String synchronous = args[0];
    int ops = Integer.parseInt(args[1]);
    int perCommit = Integer.parseInt(args[2]);
    Path dir = Files.createTempDirectory("sqlite-commit-cost");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ops.db"))) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=" + synchronous);
        s.execute(
            "CREATE TABLE ops(room TEXT NOT NULL, seq INTEGER NOT NULL, op_id TEXT NOT NULL,"
                + " client_id TEXT NOT NULL, op TEXT NOT NULL, PRIMARY KEY(room, seq)) WITHOUT ROWID");
        s.execute("CREATE UNIQUE INDEX ops_by_id ON ops(room, op_id)");
      }
      c.setAutoCommit(false);
      PreparedStatement insert =
          c.prepareStatement("INSERT INTO ops(room, seq, op_id, client_id, op) VALUES(?,?,?,?,?)");
      Random random = new Random(1);
      String body = "{\"type\":\"add\",\"element\":{" + "\"k\":\"v\",".repeat(26) + "\"z\":1}}";
      long seq = 0;
      for (int phase = 0; phase < 2; phase++) {
        int n = phase == 0 ? 50_000 : ops;
        long cpu0 = cpuTicks();
        long wall0 = System.nanoTime();
        for (int i = 0; i < n; i += perCommit) {
          for (int j = 0; j < perCommit; j++) {
            byte[] id = new byte[16];
            random.nextBytes(id);
            insert.setString(1, "bench");
            insert.setLong(2, ++seq);
            insert.setString(3, Base64.getUrlEncoder().withoutPadding().encodeToString(id));
            insert.setString(4, "client" + (j % 50));
            insert.setString(5, body);
            insert.addBatch();
          }
          insert.executeBatch();
          c.commit();
        }
        if (phase == 1) {
          System.out.printf(
              "synchronous=%s, %d ops per commit: CPU %.1f µs per op, wall %.1f µs per op%n",
              synchronous,
              perCommit,
              (cpuTicks() - cpu0) * 10_000.0 / n,
              (System.nanoTime() - wall0) / 1e3 / n);
        }
      }
    }
  }

  /** User + system CPU of this process in clock ticks (100 per second on Linux). */
  private static long cpuTicks() throws Exception {
    String[] f = Files.readString(Path.of("/proc/self/stat")).split("\\) ")[1].split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }
}
