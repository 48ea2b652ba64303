package dev.drawbridge.relay.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a connection counts against behind reverse proxies (R22). */
class TrustedProxiesTest {
  private static InetAddress ip(String literal) {
    return InetAddress.ofLiteral(literal);
  }

  private final TrustedProxies loopback = TrustedProxies.of(TrustedProxies.LOOPBACK);

  @Test
  void aTrustedProxyNamesTheClient() {
    assertThat(loopback.clientOf(ip("127.0.0.1"), "203.0.113.7")).isEqualTo(ip("203.0.113.7"));
    assertThat(loopback.clientOf(ip("::1"), "2001:db8::5")).isEqualTo(ip("2001:db8::5"));
  }

  @Test
  void anyoneElsesHeaderIsIgnored() {
    assertThat(loopback.clientOf(ip("198.51.100.9"), "203.0.113.7")).isEqualTo(ip("198.51.100.9"));
    assertThat(TrustedProxies.of(List.of()).clientOf(ip("127.0.0.1"), "203.0.113.7"))
        .isEqualTo(ip("127.0.0.1"));
  }

  @Test
  void withoutTheHeaderThePeerCounts() {
    assertThat(loopback.clientOf(ip("127.0.0.1"), null)).isEqualTo(ip("127.0.0.1"));
  }

  @Test
  void entriesAClientWroteItselfProveNothing() {
    // The client sent "X-Forwarded-For: 10.9.9.9"; nginx appended the address it saw.
    assertThat(loopback.clientOf(ip("127.0.0.1"), "10.9.9.9, 203.0.113.7"))
        .isEqualTo(ip("203.0.113.7"));
  }

  @Test
  void chainsOfTrustedProxiesAreWalkedFromTheRight() {
    TrustedProxies two = TrustedProxies.of(List.of("127.0.0.1", "10.0.0.0/8"));
    assertThat(two.clientOf(ip("127.0.0.1"), "203.0.113.7, 10.1.2.3")).isEqualTo(ip("203.0.113.7"));
    assertThat(two.clientOf(ip("127.0.0.1"), "10.1.2.3")).isEqualTo(ip("10.1.2.3"));
  }

  @Test
  void unreadableHopsStopTheWalkAtTheLastReadableOne() {
    assertThat(loopback.clientOf(ip("127.0.0.1"), "unknown")).isEqualTo(ip("127.0.0.1"));
    assertThat(loopback.clientOf(ip("127.0.0.1"), "evil.example, 203.0.113.7"))
        .isEqualTo(ip("203.0.113.7"));
    assertThat(loopback.clientOf(ip("127.0.0.1"), "[2001:db8::5]")).isEqualTo(ip("2001:db8::5"));
  }

  @Test
  void cidrRangesMatchByPrefix() {
    TrustedProxies range = TrustedProxies.of(List.of("192.168.4.0/22"));
    assertThat(range.trusts(ip("192.168.7.255"))).isTrue();
    assertThat(range.trusts(ip("192.168.8.0"))).isFalse();
    assertThat(range.trusts(ip("::1"))).isFalse();
  }

  @Test
  void badEntriesAreRefusedWithoutAnyDnsLookup() {
    assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.example")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("proxy.example");
    assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(TrustedProxies.of(List.of(" ", "")).trusts(ip("127.0.0.1"))).isFalse();
  }
}
