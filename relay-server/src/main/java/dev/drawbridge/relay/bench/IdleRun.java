package dev.drawbridge.relay.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Idle members for a memory measurement: opens connections in rooms of {@code roomSize}, each says
 * hello (Drawbridge) and then stays silent. Plain sockets, no thread per connection. Against a
 * loopback relay the connections come from 127.0.0.2, 127.0.0.3, … (5,000 each) so one source
 * address never runs out of ephemeral ports.
 */
public final class IdleRun implements AutoCloseable {
  private static final int PER_SOURCE_ADDRESS = 5_000;
  private final List<RawConnection> connections = new ArrayList<>();

  private IdleRun() {}

  /** Opens {@code count} idle connections; {@code progress} hears the count every 1,000. */
  public static IdleRun open(
      URI relay, String token, BenchTarget target, int count, int roomSize, IntConsumer progress)
      throws IOException {
    Map<String, String> headers =
        token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
    String base = relay.toString().replaceAll("/+$", "");
    boolean loopback = isLoopback(relay.getHost());
    long runId = System.currentTimeMillis() % 1_000_000;
    IdleRun run = new IdleRun();
    try {
      for (int i = 0; i < count; i++) {
        URI uri = target.roomUri(base, "idle-" + runId + "-" + i / roomSize);
        String source = loopback ? "127.0.0." + (2 + i / PER_SOURCE_ADDRESS) : null;
        RawConnection c = RawConnection.open(uri, headers, source, 0);
        run.connections.add(c);
        if (target == BenchTarget.DRAWBRIDGE) {
          c.sendText(
              "{\"type\":\"hello\",\"protocolVersion\":1,\"clientId\":\"idle"
                  + i
                  + "\",\"name\":\"idle\",\"color\":\"#000000\",\"lastSeq\":0}");
        }
        if ((i + 1) % 1_000 == 0) {
          progress.accept(i + 1);
        }
      }
    } catch (IOException | RuntimeException e) {
      run.close();
      throw e;
    }
    return run;
  }

  public int size() {
    return connections.size();
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public void close() {
    connections.forEach(RawConnection::close);
    connections.clear();
  }
}
