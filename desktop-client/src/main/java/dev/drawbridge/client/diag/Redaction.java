package dev.drawbridge.client.diag;

import java.util.regex.Pattern;

/**
 * Takes secrets out of text meant for other eyes (a bug report): invite tokens in links and
 * queries, bearer tokens, JWTs anywhere, and client keys. Errs on the side of removing too much.
 */
public final class Redaction {
  private static final String HIDDEN = "[redacted]";

  /** A JWT: three base64url parts, the first of them a JSON header ({"…} → eyJ…). */
  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

  private static final Pattern QUERY_TOKEN =
      Pattern.compile("(?i)(token|key|secret|clientKey)=[^&\\s\"']+");
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"']+");

  private Redaction() {}

  public static String apply(String text) {
    String s = JWT.matcher(text).replaceAll(HIDDEN);
    s = QUERY_TOKEN.matcher(s).replaceAll("$1=" + HIDDEN);
    return BEARER.matcher(s).replaceAll("$1" + HIDDEN);
  }
}
