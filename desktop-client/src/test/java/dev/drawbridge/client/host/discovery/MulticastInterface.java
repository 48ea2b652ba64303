package dev.drawbridge.client.host.discovery;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

/**
 * The IPv4 address of an interface that can carry multicast, for discovery tests: a real network
 * interface first, else loopback with multicast switched on ({@code ip link set lo multicast on},
 * which .ci/run does on a machine that has no other).
 */
final class MulticastInterface {
  private MulticastInterface() {}

  static Optional<InetAddress> find() {
    InetAddress loopback = null;
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || !nic.supportsMulticast() || nic.isVirtual()) {
          continue;
        }
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (!(a instanceof Inet4Address)) {
            continue;
          }
          if (a.isLoopbackAddress()) {
            loopback = a;
          } else {
            return Optional.of(a);
          }
        }
      }
    } catch (SocketException e) {
      return Optional.empty();
    }
    return Optional.ofNullable(loopback);
  }

  /** The address, or a failed assumption (a failure when CI is set: never a quiet skip there). */
  static InetAddress require() {
    Optional<InetAddress> found = find();
    if (found.isEmpty() && System.getenv("CI") != null) {
      throw new AssertionError("no multicast-capable IPv4 interface: see .ci/run");
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(
        found.isPresent(), "no multicast-capable IPv4 interface");
    return found.get();
  }
}
