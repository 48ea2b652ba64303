package dev.drawbridge.relay.room;

/** A room's view of one connection. Implementations never block the caller. */
public interface ClientSocket {
  /** Queues a message. A closed socket drops it. May close the socket with 4011 (R24). */
  void send(Outbound message);

  /**
   * Queues a frame of the member's catch-up (welcome, stored ops, synced; R10–R12). While queued it
   * counts beside the slow-consumer cap (R24), not against it: a board whose snapshot is bigger
   * than the cap can still be joined. Catch-up is bounded by the snapshot cadence (R11).
   */
  default void sendCatchUp(Outbound message) {
    send(message);
  }

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
