package dev.drawbridge.relay.bench;

import java.net.URI;

/**
 * What the bench drives: the Drawbridge relay (protocol v1: hello, acks, seqs) or a plain broadcast
 * relay such as the Node {@code ws} seed relay, which forwards every frame to the other connections
 * of {@code ?room=} and answers nothing.
 */
public enum BenchTarget {
  DRAWBRIDGE,
  RAW;

  /** The WebSocket URL of {@code room} under {@code base} (no trailing slash). */
  public URI roomUri(String base, String room) {
    return URI.create(this == RAW ? base + "/?room=" + room : base + "/v1/rooms/" + room);
  }
}
