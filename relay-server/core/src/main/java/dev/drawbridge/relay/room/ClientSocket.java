package dev.drawbridge.relay.room;

/** A room's view of one connection. Implementations never block the caller. */
public interface ClientSocket {
  /** Queues a message. A closed socket drops it. May close the socket with 4011 (R24). */
  void send(Outbound message);

  /** Starts a close with a code from {@code CloseCodes} and a short reason. */
  void close(int code, String reason);

  /**
   * Bytes queued to the connection and not yet written to the network: fetched blobs are paced
   * against it (R112). A socket that cannot tell says 0.
   */
  default long pendingBytes() {
    return 0;
  }

  /** Remote address, for logs. */
  String remote();
}
