package dev.drawbridge.relay.blob;

import dev.drawbridge.protocol.message.ServerMessage;

/**
 * Where a connection's fetched chunks (and history pages) go: its session, seen from a sender's
 * thread.
 */
public interface FetchSink {
  /** Bytes queued to the connection and not yet written to the network. */
  long pendingBytes();

  /** Whether the connection is still there (a closed one's fetches are dropped). */
  boolean isOpen();

  /** Queues a message to the connection; never blocks. */
  void send(ServerMessage message);

  /**
   * Queues a message already encoded as UTF-8 JSON (a history page, encoded once where it was read,
   * R117); never blocks.
   */
  void sendJson(byte[] json);
}
