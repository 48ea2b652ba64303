package dev.drawbridge.protocol.element;

import java.nio.charset.StandardCharsets;

/**
 * A fast, platform-independent 64-bit digest (FNV-1a over 64-bit words with a final avalanche from
 * SplitMix64). Used for per-element digests that the board hash combines; it is not a cryptographic
 * hash, only a stable fingerprint that is cheap for 10,000 elements.
 */
final class Digest64 {
  private static final long PRIME = 0x100000001b3L;
  private long state = 0xcbf29ce484222325L;

  Digest64 add(long value) {
    state = (state ^ value) * PRIME;
    return this;
  }

  Digest64 add(double value) {
    return add(Double.doubleToLongBits(value == 0.0 ? 0.0 : value));
  }

  Digest64 add(boolean value) {
    return add(value ? 1L : 2L);
  }

  Digest64 add(String value) {
    if (value == null) {
      return add(-1L);
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    add(bytes.length);
    for (byte b : bytes) {
      add(b);
    }
    return this;
  }

  long value() {
    long z = state;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
