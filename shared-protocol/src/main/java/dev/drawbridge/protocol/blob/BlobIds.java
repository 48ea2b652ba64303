package dev.drawbridge.protocol.blob;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A blob's id is the SHA-256 of its bytes as 64 lowercase hex digits (R108): the same bytes have
 * the same id on every machine, so a room stores them once and anyone can check what they got.
 */
public final class BlobIds {
  /** Characters of a blob id. */
  public static final int LENGTH = 64;

  private BlobIds() {}

  /** The id of {@code bytes}. */
  public static String of(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  /** A fresh SHA-256 digest, to hash bytes that arrive in chunks. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Whether {@code value} is 64 lowercase hex digits. */
  public static boolean isValid(String value) {
    if (value == null || value.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = value.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }
}
