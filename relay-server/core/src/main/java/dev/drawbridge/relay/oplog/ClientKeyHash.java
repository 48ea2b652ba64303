package dev.drawbridge.relay.oplog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a client key (R80): what the relay keeps of a key, in memory and in the op log, so
 * a leaked log or snapshot of the relay's memory gives nobody a key to present.
 */
public record ClientKeyHash(byte[] bytes) {
  private static final int LENGTH = 32;

  public ClientKeyHash {
    if (bytes == null || bytes.length != LENGTH) {
      throw new IllegalArgumentException("a SHA-256 has 32 bytes");
    }
    bytes = bytes.clone();
  }

  public static ClientKeyHash of(String key) {
    try {
      return new ClientKeyHash(
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Reads {@link #hex()}; throws IllegalArgumentException for anything else. */
  public static ClientKeyHash ofHex(String hex) {
    return new ClientKeyHash(HexFormat.of().parseHex(hex));
  }

  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Compared in constant time: the comparison decides whether a hello may use an id. */
  public boolean matches(ClientKeyHash other) {
    return other != null && MessageDigest.isEqual(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClientKeyHash other && matches(other);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(bytes);
  }

  /** Not the hash itself: logs and exceptions have no use for it. */
  @Override
  public String toString() {
    return "ClientKeyHash[…]";
  }
}
