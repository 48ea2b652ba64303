package dev.drawbridge.relay.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Duration;
import java.time.Instant;

/** Mints the tokens {@link TokenVerifier} accepts (the {@code token} command, and tests). */
public final class TokenIssuer {
  static final String ISSUER = "drawbridge-relay";

  private final Algorithm algorithm;

  public TokenIssuer(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("a secret is required");
    }
    this.algorithm = Algorithm.HMAC256(secret);
  }

  /**
   * A token for {@code room} ("*" for every room) valid for {@code ttl} from {@code now}.
   *
   * @param name display name to show for the holder, or null to let the client choose
   */
  public String issue(String room, Role role, String name, Duration ttl, Instant now) {
    var builder =
        JWT.create()
            .withIssuer(ISSUER)
            .withClaim("room", room)
            .withClaim("role", role.wireName())
            .withIssuedAt(now)
            .withExpiresAt(now.plus(ttl));
    if (name != null) {
      builder.withClaim("name", name);
    }
    return builder.sign(algorithm);
  }
}
