package dev.drawbridge.relay.auth;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Origin allow-list (R4). Desktop clients send no Origin and are always allowed; browsers send
 * one, and a page from a site not on the list must not reach the relay with the user's network
 * position. An empty list allows every origin.
 */
public final class OriginPolicy {
  private final Set<String> allowed;

  public OriginPolicy(List<String> allowedOrigins) {
    this.allowed =
        allowedOrigins.stream()
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(OriginPolicy::normalise)
            .collect(Collectors.toUnmodifiableSet());
  }

  public boolean allows(String origin) {
    if (origin == null || origin.isEmpty() || allowed.isEmpty()) {
      return true;
    }
    return allowed.contains(normalise(origin));
  }

  private static String normalise(String origin) {
    String o = origin.toLowerCase(Locale.ROOT);
    return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
  }
}
