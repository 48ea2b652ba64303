package dev.drawbridge.relay.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads a frame's type and single fields straight from its JSON bytes: at tens of thousands of
 * deliveries a second, decoding every frame would make the load generator, not the relay, set the
 * latency. Relies on the relay's encoding (type first, no spaces). Stateless.
 */
final class FrameFields {
  private static final byte[] ID_FIELD = ascii("\"id\":\"");
  private static final byte[] SEQ_FIELD = ascii("\"seq\":");
  private static final byte[] DURABLE_FIELD = ascii("\"durable\":");

  private FrameFields() {}

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Whether the {@code len} bytes at {@code at} start with {@code prefix}. */
  static boolean startsWith(ByteBuffer in, int at, int len, byte[] prefix) {
    if (len < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (in.get(at + i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The first {@code "id":"…"} value in [from, end), or null. */
  static String id(ByteBuffer in, int from, int end) {
    int start = valueAt(in, from, end, ID_FIELD);
    if (start < 0) {
      return null;
    }
    int stop = start;
    while (stop < end && in.get(stop) != '"') {
      stop++;
    }
    byte[] bytes = new byte[stop - start];
    in.get(start, bytes);
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  /** The first {@code "seq":N} value in [from, end), or -1. */
  static long seq(ByteBuffer in, int from, int end) {
    return number(in, valueAt(in, from, end, SEQ_FIELD), end);
  }

  /** The {@code "durable":N} value in [from, end) (an op's or ack's, R26), or -1. */
  static long durable(ByteBuffer in, int from, int end) {
    return number(in, valueAt(in, from, end, DURABLE_FIELD), end);
  }

  private static long number(ByteBuffer in, int at, int end) {
    if (at < 0) {
      return -1;
    }
    long seq = 0;
    for (; at < end && in.get(at) >= '0' && in.get(at) <= '9'; at++) {
      seq = seq * 10 + (in.get(at) - '0');
    }
    return seq;
  }

  private static int valueAt(ByteBuffer in, int from, int end, byte[] field) {
    for (int i = from; i + field.length <= end; i++) {
      if (startsWith(in, i, end - i, field)) {
        return i + field.length;
      }
    }
    return -1;
  }
}
