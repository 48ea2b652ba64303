package dev.drawbridge.relay.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.drawbridge.relay.auth.Role;
import dev.drawbridge.relay.auth.TokenIssuer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R76: every refused token gets the same answer, byte for byte, so the answer never tells which
 * check failed (an "expired" would confirm that the signature was good; a 403 for another room,
 * too). Over raw sockets, reading everything the relay sends until it closes.
 */
class TokenRefusalTest {
  private static final String ROOM = "refusals";

  @TempDir Path dir;

  @Test
  void r76_expiredForgedWrongRoomAndMalformedTokensGetByteIdentical401s() throws Exception {
    Instant now = Instant.now();
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put(
        "expired",
        new TokenIssuer(RelayFixture.SECRET)
            .issue(ROOM, Role.EDITOR, null, Duration.ofSeconds(1), now.minus(Duration.ofHours(2))));
    tokens.put(
        "signed with another secret",
        new TokenIssuer("another-secret-0123456789-0123456789")
            .issue(ROOM, Role.EDITOR, null, Duration.ofHours(1), now));
    tokens.put("for another room", RelayFixture.token("elsewhere", Role.EDITOR));
    tokens.put("malformed", "not.a.token");
    tokens.put(
        "unsigned (alg=none)",
        JWT.create()
            .withIssuer("drawbridge-relay")
            .withClaim("room", ROOM)
            .withClaim("role", "editor")
            .withExpiresAt(now.plusSeconds(600))
            .sign(Algorithm.none()));
    tokens.put(
        "unknown role",
        JWT.create()
            .withIssuer("drawbridge-relay")
            .withClaim("room", ROOM)
            .withClaim("role", "owner")
            .withExpiresAt(now.plusSeconds(600))
            .sign(Algorithm.HMAC256(RelayFixture.SECRET)));

    try (RelayFixture fx = new RelayFixture(dir)) {
      String path = "/v1/rooms/" + ROOM;
      byte[] missing = RawHttp.refusal(fx.relay.port(), path, Map.of());
      String answer = new String(missing, StandardCharsets.UTF_8);
      assertThat(answer)
          .startsWith("HTTP/1.1 401 Unauthorized\r\n")
          .contains("\r\n\r\ntoken refused\n")
          .doesNotContainIgnoringCase("expired")
          .doesNotContainIgnoringCase("signature")
          .doesNotContainIgnoringCase("another room");
      for (var token : tokens.entrySet()) {
        assertThat(
                RawHttp.refusal(
                    fx.relay.port(), path, Map.of("Authorization", "Bearer " + token.getValue())))
            .as(token.getKey() + " in the header")
            .isEqualTo(missing);
        assertThat(RawHttp.refusal(fx.relay.port(), path + "?token=" + token.getValue(), Map.of()))
            .as(token.getKey() + " in the query")
            .isEqualTo(missing);
      }
      // The relay still counts a token for another room apart, for its operator.
      assertThat(fx.relay.scrapeMetrics())
          .containsPattern("drawbridge_rejects_total\\{reason=\"wrong_room\"} 2\\.0")
          .containsPattern("drawbridge_rejects_total\\{reason=\"unauthorized\"} 11\\.0");
    }
  }
}
