package dev.drawbridge.client.model;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random ids for ops and elements: 16 random bytes in URL-safe base64 (22 chars), unique across
 * clients and restarts without coordination, and within the protocol's id alphabet.
 */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String random() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
