package dev.drawbridge.relay.blob;

import dev.drawbridge.protocol.message.ServerMessage;

/** Where a connection's fetched chunks go: its session, seen from the blob sender's thread. */
public interface FetchSink {
  /** Bytes queued to the connection and not yet written to the network. */
  long pendingBytes();

  /** Whether the connection is still there (a closed one's fetches are dropped). */
  boolean isOpen();

  /** Queues a message to the connection; never blocks. */
  void send(ServerMessage message);
}
