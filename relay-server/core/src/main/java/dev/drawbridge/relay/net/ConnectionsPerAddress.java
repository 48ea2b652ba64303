package dev.drawbridge.relay.net;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Open sockets per client address, for the per-address limit (R22). A socket counts from accept to
 * close, handshake finished or not: one that never finishes holds a descriptor and memory all the
 * same.
 */
final class ConnectionsPerAddress {
  private final ConcurrentMap<InetAddress, Integer> counts = new ConcurrentHashMap<>();

  void add(InetAddress address) {
    counts.merge(address, 1, Integer::sum);
  }

  void remove(InetAddress address) {
    counts.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
  }

  int of(InetAddress address) {
    return counts.getOrDefault(address, 0);
  }
}
