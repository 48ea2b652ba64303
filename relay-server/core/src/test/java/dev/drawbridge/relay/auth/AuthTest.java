package dev.drawbridge.relay.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthTest {
  private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final TokenIssuer issuer = new TokenIssuer("s3cret");
  private final TokenVerifier verifier =
      new TokenVerifier("s3cret", Clock.fixed(now, ZoneOffset.UTC));

  @Test
  void r2_r3_tokensGrantTheirRoomAndRole() throws Exception {
    assertThat(
            verifier.verify(issuer.issue("a", Role.VIEWER, "Ann", Duration.ofHours(1), now), "a"))
        .isEqualTo(new Grant(Role.VIEWER, "Ann"));
    assertThat(
            verifier.verify(issuer.issue("*", Role.EDITOR, null, Duration.ofHours(1), now), "any"))
        .isEqualTo(new Grant(Role.EDITOR, null));
    assertThatThrownBy(
            () ->
                verifier.verify(
                    issuer.issue("a", Role.EDITOR, null, Duration.ofHours(1), now), "b"))
        .extracting(e -> ((TokenRejectedException) e).httpStatus())
        .isEqualTo(403);
    assertThatThrownBy(
            () ->
                verifier.verify(
                    issuer.issue(
                        "a", Role.EDITOR, null, Duration.ofSeconds(5), now.minusSeconds(3600)),
                    "a"))
        .extracting(e -> ((TokenRejectedException) e).httpStatus())
        .isEqualTo(401);
    assertThatThrownBy(() -> verifier.verify(null, "a"))
        .extracting(e -> ((TokenRejectedException) e).httpStatus())
        .isEqualTo(401);
  }

  @Test
  void r4_originAllowList() {
    OriginPolicy policy = new OriginPolicy(List.of("https://Board.example/"));
    assertThat(policy.allows(null)).isTrue();
    assertThat(policy.allows("https://board.example")).isTrue();
    assertThat(policy.allows("https://evil.example")).isFalse();
    assertThat(new OriginPolicy(List.of()).allows("https://anything")).isTrue();
  }

  @Test
  void r17_tokenBucketRefillsAndReportsTheWait() {
    TokenBucket bucket = new TokenBucket(10, 2, 0);
    assertThat(bucket.tryTake(1, 0)).isZero();
    assertThat(bucket.tryTake(1, 0)).isZero();
    assertThat(bucket.tryTake(1, 0)).isEqualTo(100);
    assertThat(bucket.tryTake(1, 100_000_000)).isZero();
  }
}
