package dev.drawbridge.relay.net;

import java.net.InetAddress;
import java.util.List;

/**
 * The reverse proxies whose {@code X-Forwarded-For} header the relay believes, as addresses or CIDR
 * ranges ({@code 127.0.0.1}, {@code 10.0.0.0/8}, {@code ::1}).
 *
 * <p>Behind nginx every connection comes from the proxy's address, so the per-address connection
 * limit (R22) would count all users as one. For a connection from a trusted proxy the client is the
 * rightmost {@code X-Forwarded-For} entry that is not itself a trusted proxy (entries further left
 * were written by the client and prove nothing). From anyone else the header is ignored.
 */
public final class TrustedProxies {
  /** Loopback: a proxy on the same machine, the set-up docs/self-hosting.md describes. */
  public static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1");

  private final List<Range> ranges;

  private record Range(byte[] prefix, int bits) {
    boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      if (a.length != prefix.length) {
        return false;
      }
      int whole = bits / 8;
      for (int i = 0; i < whole; i++) {
        if (a[i] != prefix[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xff << (8 - rest) & 0xff;
      return (a[whole] & mask) == (prefix[whole] & mask);
    }
  }

  private TrustedProxies(List<Range> ranges) {
    this.ranges = ranges;
  }

  /**
   * Parses addresses and CIDR ranges; blank entries are skipped.
   *
   * @throws IllegalArgumentException for an entry that is neither (no host names: no DNS here)
   */
  public static TrustedProxies of(List<String> entries) {
    return new TrustedProxies(
        entries.stream()
            .map(String::strip)
            .filter(e -> !e.isEmpty())
            .map(TrustedProxies::range)
            .toList());
  }

  private static Range range(String entry) {
    int slash = entry.indexOf('/');
    InetAddress address = literal(slash < 0 ? entry : entry.substring(0, slash));
    if (address == null) {
      throw new IllegalArgumentException("not an IP address or CIDR range: " + entry);
    }
    int max = address.getAddress().length * 8;
    int bits = max;
    if (slash >= 0) {
      try {
        bits = Integer.parseInt(entry.substring(slash + 1));
      } catch (NumberFormatException e) {
        bits = -1;
      }
      if (bits < 0 || bits > max) {
        throw new IllegalArgumentException("bad prefix length in " + entry);
      }
    }
    return new Range(address.getAddress(), bits);
  }

  /** An IP literal (brackets allowed around IPv6), or null: never a DNS lookup. */
  private static InetAddress literal(String text) {
    String t = text.strip();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    try {
      return InetAddress.ofLiteral(t);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  boolean trusts(InetAddress address) {
    for (Range r : ranges) {
      if (r.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The address a connection counts against: {@code peer} itself, unless it is a trusted proxy with
   * an {@code X-Forwarded-For} header ({@code forwardedFor}, null when absent).
   */
  public InetAddress clientOf(InetAddress peer, String forwardedFor) {
    if (forwardedFor == null || !trusts(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    InetAddress client = peer;
    for (int i = hops.length - 1; i >= 0; i--) {
      InetAddress hop = literal(hops[i]);
      if (hop == null) {
        return client; // garbage (or a port, or "unknown"): stop at the last hop we could read
      }
      client = hop;
      if (!trusts(hop)) {
        return hop;
      }
    }
    return client;
  }
}
