package dev.drawbridge.relay.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Clock;
import org.slf4j.LoggerFactory;

/**
 * Checks HS256 tokens (claims {@code room} — a room name or "*" —, {@code role}, {@code name},
 * {@code exp}). Missing, malformed, badly signed, expired or for another room ⇒ the same 401 (R2,
 * R3, R76); which check failed goes to the log, at most {@link #LOGGED_PER_SECOND} lines a second.
 * Thread-safe.
 */
public final class TokenVerifier {
  static final int LOGGED_PER_SECOND = 5;

  private final JWTVerifier verifier;

  /** The failed check of each refused token, which the client's answer never names (R76). */
  private final PeerFaultLog refusals =
      new PeerFaultLog(
          LoggerFactory.getLogger(TokenVerifier.class),
          LOGGED_PER_SECOND,
          4 * LOGGED_PER_SECOND,
          System::nanoTime);

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
      throw refused(room, "missing token", false);
    }
    DecodedJWT jwt;
    try {
      jwt = verifier.verify(token);
    } catch (JWTVerificationException e) {
      // The class names the check (TokenExpiredException…); its message may quote the token.
      throw refused(room, e.getClass().getSimpleName(), false);
    }
    Role role = Role.fromWire(jwt.getClaim("role").asString());
    if (role == null) {
      throw refused(room, "unknown role", false);
    }
    String tokenRoom = jwt.getClaim("room").asString();
    if (!"*".equals(tokenRoom) && !room.equals(tokenRoom)) {
      throw refused(room, "token is for another room", true);
    }
    return new Grant(role, jwt.getClaim("name").asString());
  }

  private TokenRejectedException refused(String room, String detail, boolean wrongRoom) {
    refusals.atWarn().addKeyValue("room", room).addKeyValue("check", detail).log("token refused");
    return new TokenRejectedException(detail, wrongRoom);
  }
}
