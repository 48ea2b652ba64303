package dev.drawbridge.client.host;

import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.relay.runtime.Relay;
import dev.drawbridge.relay.runtime.RelayConfig;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Host on this computer": the relay running inside the app, on a stable port when it is free so
 * the address people saved keeps working, else on any free port.
 */
public final class HostedRelay implements AutoCloseable {
  /** The port tried first. */
  public static final int PREFERRED_PORT = 7464;

  /** The room a hosted board lives in unless the host names another. */
  public static final String DEFAULT_ROOM = "board";

  /** The close reason guests receive with 4015 (R86); for logs, the app words it itself. */
  public static final String HOST_ENDED_REASON = "the host ended the board";

  private static final Logger LOG = LoggerFactory.getLogger(HostedRelay.class);
  private final Relay relay;

  private HostedRelay(Relay relay) {
    this.relay = relay;
  }

  /** Starts the relay with its data in {@code dataDir}. Blocks until it accepts connections. */
  public static HostedRelay start(Path dataDir, int preferredPort) throws IOException {
    RelayConfig config = RelayConfig.localDefaults(dataDir);
    if (preferredPort > 0) {
      try {
        return new HostedRelay(Relay.start(config.withPort(preferredPort)));
      } catch (IOException | RuntimeException e) {
        LOG.info("Port {} is taken; hosting on a free port", preferredPort);
      }
    }
    return new HostedRelay(Relay.start(config.withPort(0)));
  }

  public int port() {
    return relay.port();
  }

  /** Where this app joins its own relay. */
  public String localUrl() {
    return "ws://127.0.0.1:" + port();
  }

  /** The address others on the network join to reach {@code room}. */
  public String shareAddress(String lanHost, String room) {
    return "ws://" + lanHost + ":" + port() + "/v1/rooms/" + room;
  }

  /**
   * Ends hosting: every guest still connected is closed with 4015 {@code HOST_ENDED} (R86), so
   * their app says the host ended the board instead of reconnecting to a relay that is gone; then
   * the op log is flushed and the port freed.
   */
  @Override
  public void close() {
    relay.close(CloseCodes.HOST_ENDED, HOST_ENDED_REASON);
  }
}
