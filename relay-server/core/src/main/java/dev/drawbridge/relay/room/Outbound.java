package dev.drawbridge.relay.room;

import java.util.function.Function;

/**
 * One encoded server message (UTF-8 JSON), shared by every receiver. The transport frames it once
 * and caches the frame here, so a broadcast to n members costs one encoding and one framing.
 */
public final class Outbound {
  private final byte[] json;
  private volatile Object framed;

  public Outbound(byte[] json) {
    this.json = json;
  }

  /** The UTF-8 JSON text. Do not modify. */
  public byte[] json() {
    return json;
  }

  public int size() {
    return json.length;
  }

  /** The transport's framing of this message, computed by the first caller and then shared. */
  @SuppressWarnings("unchecked")
  public <T> T framed(Function<byte[], T> framer) {
    Object f = framed;
    if (f == null) {
      f = framer.apply(json);
      framed = f;
    }
    return (T) f;
  }
}
