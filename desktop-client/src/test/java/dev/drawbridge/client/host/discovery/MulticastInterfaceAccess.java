package dev.drawbridge.client.host.discovery;

/** {@link MulticastInterface} for tests in other packages. */
public final class MulticastInterfaceAccess {
  private MulticastInterfaceAccess() {}

  /** The multicast-capable address, or a failed assumption (a failure when CI is set). */
  public static java.net.InetAddress require() {
    return MulticastInterface.require();
  }
}
