package dev.drawbridge.relay.auth;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When a token secret is too weak to sign with: shorter than {@link #MIN_BYTES} (anyone holding one
 * token can test guesses offline, as fast as they can compute HMACs), a known placeholder, or a
 * handful of characters repeated. {@code serve} and {@code token} refuse such a secret; the core
 * does not, because an embedded relay's secret comes from its program, never from a person (the
 * desktop app generates 32 random bytes and checks them with {@link #weakness} itself).
 */
public final class TokenSecrets {
  /** HS256's key size: 32 bytes, e.g. {@code openssl rand -base64 48}. */
  public static final int MIN_BYTES = 32;

  private static final int MIN_DISTINCT_CHARACTERS = 8;

  /** Placeholders from examples, compared without case and without punctuation. */
  private static final List<String> PLACEHOLDERS =
      List.of("changeme", "replaceme", "yoursecret", "mysecret", "placeholder", "example");

  private TokenSecrets() {}

  /** Why {@code secret} must not sign tokens, as a sentence for the operator; empty if it may. */
  public static Optional<String> weakness(String secret) {
    String fix = "; use at least " + MIN_BYTES + " random bytes, e.g. $(openssl rand -base64 48)";
    if (secret == null || secret.isEmpty()) {
      return Optional.of("the token secret is empty" + fix);
    }
    String letters = secret.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    for (String placeholder : PLACEHOLDERS) {
      if (letters.contains(placeholder)) {
        return Optional.of("the token secret is a placeholder (\"" + placeholder + "\")" + fix);
      }
    }
    int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
    if (bytes < MIN_BYTES) {
      return Optional.of("the token secret is too short (" + bytes + " bytes)" + fix);
    }
    if (secret.chars().distinct().count() < MIN_DISTINCT_CHARACTERS) {
      return Optional.of("the token secret repeats a few characters" + fix);
    }
    return Optional.empty();
  }
}
