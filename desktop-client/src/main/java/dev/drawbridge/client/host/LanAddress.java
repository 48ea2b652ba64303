package dev.drawbridge.client.host;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The address others on the local network can reach this computer at. */
public final class LanAddress {
  private LanAddress() {}

  /**
   * The first private (site-local) IPv4 address of an interface that is up, else any non-loopback
   * IPv4 address, else "localhost".
   */
  public static String find() {
    List<InetAddress> candidates = new ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
          continue;
        }
        candidates.addAll(Collections.list(nic.getInetAddresses()));
      }
    } catch (SocketException e) {
      return "localhost";
    }
    return pick(candidates);
  }

  static String pick(List<InetAddress> addresses) {
    String fallback = null;
    for (InetAddress a : addresses) {
      if (!(a instanceof Inet4Address) || a.isLoopbackAddress() || a.isLinkLocalAddress()) {
        continue;
      }
      if (a.isSiteLocalAddress()) {
        return a.getHostAddress();
      }
      if (fallback == null) {
        fallback = a.getHostAddress();
      }
    }
    return fallback == null ? "localhost" : fallback;
  }
}
