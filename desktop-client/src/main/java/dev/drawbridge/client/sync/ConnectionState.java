package dev.drawbridge.client.sync;

import java.time.Instant;

/** Where a board session's connection stands; the status bar shows it in words. */
public sealed interface ConnectionState {

  /** Opening the socket (first attempt). */
  record Connecting() implements ConnectionState {}

  /** Connected; receiving the ops missed while away. */
  record Syncing() implements ConnectionState {}

  /** Up to date with the relay; local ops flow as they are made. */
  record Synced() implements ConnectionState {}

  /** The connection dropped; attempt {@code attempt} starts at {@code nextTryAt}. */
  record Reconnecting(int attempt, Instant nextTryAt) implements ConnectionState {}

  /** Not connected by choice (a local board, or the user went offline). */
  record Offline() implements ConnectionState {}

  /**
   * Will not reconnect without the user: refused token (4001), forbidden (4003), version mismatch
   * (4000), the board opened elsewhere (4013), the client id taken (4014), the host ended the board
   * (4015), or a bad server address; and, for a board that has never connected, whatever stopped
   * its first attempt (nothing answers, not a relay, TLS or not, invitation needed, room full).
   * {@code reason} is plain words for the user (English, for logs; the UI words the kind).
   */
  record Failed(Kind kind, String reason) implements ConnectionState {
    public enum Kind {
      UNAUTHORIZED,
      FORBIDDEN,
      VERSION,
      BAD_ADDRESS,
      /** The same installation opened the board again elsewhere: that connection counts (R82). */
      REPLACED,
      /** The relay knows this client id as another installation's (R83). */
      CLIENT_ID_TAKEN,
      /** Never connected: nothing answers at the address. */
      NO_ANSWER,
      /** Never connected: what answers is not a Drawbridge relay (an HTTP answer, or garbage). */
      NOT_A_RELAY,
      /** Never connected: {@code wss://} was asked for, the server speaks plain. */
      NOT_TLS,
      /** Never connected: {@code ws://} was asked for, the server speaks TLS. */
      NEEDS_TLS,
      /** Never connected: the server's TLS certificate is not trusted. */
      UNTRUSTED_CERTIFICATE,
      /**
       * The relay wants a token and none was given (HTTP 401/403): an invitation link is needed.
       */
      INVITATION_NEEDED,
      /** Never connected: the room or the relay is full (4010, or HTTP 429). */
      ROOM_FULL,
      /** The host stopped hosting the board (4015, R86); the local copy stays. */
      HOST_ENDED,
      OTHER;

      /**
       * Whether the user's "reconnect" can succeed: after 4013 it takes the board back here; after
       * 4014 it does once the relay forgot the id's key or the other device left a keyless id.
       */
      public boolean reconnectHelps() {
        return this == REPLACED || this == CLIENT_ID_TAKEN;
      }
    }
  }
}
