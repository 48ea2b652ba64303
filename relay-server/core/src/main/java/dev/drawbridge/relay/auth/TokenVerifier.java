package dev.drawbridge.relay.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Clock;

/**
 * Checks HS256 tokens (claims {@code room} — a room name or "*" —, {@code role}, {@code name},
 * {@code exp}). Missing, malformed, badly signed or expired ⇒ 401 (R2); another room ⇒ 403 (R3).
 * Thread-safe.
 */
public final class TokenVerifier {
  private final JWTVerifier verifier;

  public TokenVerifier(String secret) {
    this(secret, Clock.systemUTC());
  }

  TokenVerifier(String secret, Clock clock) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("a token secret is required unless --no-auth is set");
    }
    this.verifier =
        ((JWTVerifier.BaseVerification)
                JWT.require(Algorithm.HMAC256(secret))
                    .withIssuer(TokenIssuer.ISSUER)
                    .withClaimPresence("exp")
                    .withClaimPresence("room")
                    .withClaimPresence("role"))
            .build(clock);
  }

  /** The grant {@code token} gives for {@code room}. */
  public Grant verify(String token, String room) throws TokenRejectedException {
    if (token == null || token.isBlank()) {
      throw new TokenRejectedException(401, "missing token");
    }
    DecodedJWT jwt;
    try {
      jwt = verifier.verify(token);
    } catch (JWTVerificationException e) {
      throw new TokenRejectedException(401, "invalid token: " + e.getClass().getSimpleName());
    }
    Role role = Role.fromWire(jwt.getClaim("role").asString());
    if (role == null) {
      throw new TokenRejectedException(401, "invalid token: unknown role");
    }
    String tokenRoom = jwt.getClaim("room").asString();
    if (!"*".equals(tokenRoom) && !room.equals(tokenRoom)) {
      throw new TokenRejectedException(403, "token is for another room");
    }
    return new Grant(role, jwt.getClaim("name").asString());
  }
}
