package dev.drawbridge.client.sync;

/**
 * Why a connection never opened, as far as the socket can tell (a {@link Transport} reports it
 * through {@link TransportListener#onConnectFailed}). The session words it for the user when the
 * board has never connected, and otherwise treats it as a drop to retry.
 */
public enum ConnectFailure {
  /** Nothing answers at the address: unknown host, connection refused, or no answer in time. */
  NO_ANSWER,
  /** Something answered that is not a WebSocket relay: not HTTP, an endless header, or silence. */
  NOT_A_RELAY,
  /** The address says {@code wss://} but the server speaks plain (no TLS). */
  NOT_TLS,
  /** The address says {@code ws://} but the server speaks TLS: it wants {@code wss://}. */
  NEEDS_TLS,
  /** The server speaks TLS with a certificate this computer does not trust for that name. */
  UNTRUSTED_CERTIFICATE
}
