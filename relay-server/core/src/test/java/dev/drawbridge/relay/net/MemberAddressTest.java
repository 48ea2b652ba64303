package dev.drawbridge.relay.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/**
 * Log lines name a member by its own address when a trusted proxy gave one: behind nginx every peer
 * is nginx, and a self-hoster reading the log (or a fail2ban rule) needs the client.
 */
class MemberAddressTest {
  @Test
  void aDirectPeerIsItsAddressAndPort() throws Exception {
    InetSocketAddress peer = new InetSocketAddress(InetAddress.getByName("198.51.100.7"), 40123);
    assertThat(WebSocketClientSocket.describe(peer, null)).isEqualTo("198.51.100.7:40123");
    assertThat(WebSocketClientSocket.describe(peer, peer.getAddress()))
        .isEqualTo("198.51.100.7:40123");
  }

  @Test
  void aClientBehindATrustedProxyIsNamedBeforeTheProxy() throws Exception {
    InetSocketAddress nginx = new InetSocketAddress(InetAddress.getLoopbackAddress(), 53422);
    InetAddress client = InetAddress.getByName("203.0.113.9");
    assertThat(WebSocketClientSocket.describe(nginx, client))
        .isEqualTo("203.0.113.9 via 127.0.0.1:53422");
  }

  @Test
  void noPeerAtAllIsAQuestionMark() {
    assertThat(WebSocketClientSocket.describe(null, null)).isEqualTo("?");
  }
}
