package dev.drawbridge.relay.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.runtime.Relay;
import dev.drawbridge.relay.runtime.RelayConfig;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API the desktop app embeds for "Host on this computer". */
class EmbeddedRelayTest {
  @TempDir Path dir;

  @Test
  void localDefaultsServeWithoutAuthAndCloseFreesThePort() throws Exception {
    RelayConfig config = RelayConfig.localDefaults(dir);
    assertThat(config.noAuth()).isTrue();
    assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isZero();
    int port;
    try (Relay relay = Relay.start(config)) {
      port = relay.port();
      assertThat(port).isPositive();
      TestPeer peer =
          new TestPeer(URI.create("ws://127.0.0.1:" + port + "/v1/rooms/home"), "me", Map.of());
      peer.joinAndSync(0);
      peer.submitStroke("o1", "e1");
      assertThat(peer.next()).isEqualTo(new ServerMessage.Ack("o1", 1, false));
    }
    try (ServerSocket again = new ServerSocket()) {
      again.setReuseAddress(true);
      again.bind(new java.net.InetSocketAddress("0.0.0.0", port));
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
    // Same data dir, new relay: the board is still there.
    try (Relay relay = Relay.start(config)) {
      TestPeer peer =
          new TestPeer(
              URI.create("ws://127.0.0.1:" + relay.port() + "/v1/rooms/home"), "me", Map.of());
      assertThat(peer.joinAndSync(0))
          .extracting(ServerMessage.OpBroadcast::id)
          .containsExactly("o1");
      peer.closeBlocking();
    }
  }

  @Test
  void startFailsWithIOExceptionWhenThePortIsTaken() throws Exception {
    try (Relay first =
        Relay.start(RelayConfig.localDefaults(dir.resolve("a")).withBindAddress("127.0.0.1"))) {
      RelayConfig clash =
          RelayConfig.localDefaults(dir.resolve("b"))
              .withBindAddress("127.0.0.1")
              .withPort(first.port());
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Relay.start(clash))
          .isInstanceOf(java.io.IOException.class);
      // The first relay is unaffected.
      TestPeer peer =
          new TestPeer(URI.create("ws://127.0.0.1:" + first.port() + "/v1/rooms/x"), "p", Map.of());
      peer.joinAndSync(0);
      peer.closeBlocking();
    }
  }
}
