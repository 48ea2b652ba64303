package dev.drawbridge.relay.it;

import dev.drawbridge.relay.auth.Role;
import dev.drawbridge.relay.auth.TokenIssuer;
import dev.drawbridge.relay.runtime.RelayConfig;
import dev.drawbridge.relay.server.RelayServer;
import dev.drawbridge.relay.server.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A relay server on 127.0.0.1:0 with SQLite in a temp dir (or on a Redis), metrics on a free port,
 * plus peers that are closed afterwards.
 */
public final class RelayFixture implements AutoCloseable {
  /** Long enough for {@code serve} and {@code token} (TokenSecrets.MIN_BYTES). */
  public static final String SECRET = "test-secret-0123456789-0123456789";

  private static final AtomicInteger ids = new AtomicInteger();

  public final RelayServer relay;
  private final List<TestPeer> peers = new ArrayList<>();

  public RelayFixture(Path dataDir) throws IOException {
    this(dataDir, c -> c);
  }

  public RelayFixture(Path dataDir, UnaryOperator<RelayConfig> tweak) throws IOException {
    this(dataDir, tweak, null);
  }

  /** A relay server storing its ops in the Redis at {@code redisUri}. */
  public static RelayFixture onRedis(Path dataDir, String redisUri) throws IOException {
    return new RelayFixture(dataDir, c -> c, redisUri);
  }

  /** A relay server on the Redis at {@code redisUri} with {@code tweak} applied to its config. */
  public static RelayFixture onRedis(
      Path dataDir, String redisUri, UnaryOperator<RelayConfig> tweak) throws IOException {
    return new RelayFixture(dataDir, tweak, redisUri);
  }

  private RelayFixture(Path dataDir, UnaryOperator<RelayConfig> tweak, String redisUri)
      throws IOException {
    RelayConfig config =
        tweak.apply(
            RelayConfig.localDefaults(dataDir).withBindAddress("127.0.0.1").withSecret(SECRET));
    relay =
        RelayServer.start(ServerConfig.of(config).withRedis(redisUri).withMetrics("127.0.0.1", 0));
  }

  public URI uri(String room) {
    return URI.create("ws://127.0.0.1:" + relay.port() + "/v1/rooms/" + room);
  }

  public static String token(String room, Role role) {
    return new TokenIssuer(SECRET).issue(room, role, null, Duration.ofHours(1), Instant.now());
  }

  /** A peer with an editor token for {@code room} in the Authorization header. */
  public TestPeer peer(String room) {
    return peer(room, Role.EDITOR);
  }

  public TestPeer peer(String room, Role role) {
    return peer(uri(room), Map.of("Authorization", "Bearer " + token(room, role)));
  }

  public TestPeer peer(URI uri, Map<String, String> headers) {
    return peer(uri, headers, "c" + ids.incrementAndGet());
  }

  /** An editor peer for {@code room} that says hello as {@code clientId}. */
  public TestPeer peerAs(String room, String clientId) {
    return peer(uri(room), Map.of("Authorization", "Bearer " + token(room, Role.EDITOR)), clientId);
  }

  private TestPeer peer(URI uri, Map<String, String> headers, String clientId) {
    TestPeer p = new TestPeer(uri, clientId, headers);
    synchronized (peers) {
      peers.add(p);
    }
    return p;
  }

  @Override
  public void close() {
    synchronized (peers) {
      for (TestPeer p : peers) {
        try {
          p.closeBlocking();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    relay.close();
  }
}
