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
        .isEqualTo(401);
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
  void r76_everyRefusalSaysTheSameAndOnlyItsDetailNamesTheCheck() {
    List<TokenRejectedException> refusals =
        List.of(
            refusal(null, "a"),
            refusal("not.a.token", "a"),
            refusal(issuer.issue("a", Role.EDITOR, null, Duration.ofHours(1), now), "b"),
            refusal(
                issuer.issue("a", Role.EDITOR, null, Duration.ofSeconds(5), now.minusSeconds(60)),
                "a"),
            refusal(
                new TokenIssuer("other-secret")
                    .issue("a", Role.EDITOR, null, Duration.ofHours(1), now),
                "a"));
    assertThat(refusals)
        .extracting(TokenRejectedException::getMessage)
        .containsOnly(TokenRejectedException.PUBLIC_MESSAGE);
    assertThat(refusals).extracting(TokenRejectedException::httpStatus).containsOnly(401);
    assertThat(refusals)
        .extracting(TokenRejectedException::detail)
        .containsExactly(
            "missing token",
            "JWTDecodeException",
            "token is for another room",
            "TokenExpiredException",
            "SignatureVerificationException");
    assertThat(refusals)
        .extracting(TokenRejectedException::rejectReason)
        .containsExactly(
            "unauthorized", "unauthorized", "wrong_room", "unauthorized", "unauthorized");
  }

  private TokenRejectedException refusal(String token, String room) {
    try {
      verifier.verify(token, room);
    } catch (TokenRejectedException e) {
      return e;
    }
    throw new AssertionError("accepted: " + token);
  }

  @Test
  void refusedTokensAreLoggedAtABoundedRate() {
    ch.qos.logback.classic.Logger logger =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(TokenVerifier.class);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
        new ch.qos.logback.core.read.ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    try {
      for (int i = 0; i < 1_000; i++) {
        refusal("not.a.token", "a");
      }
      // A burst of 20 lines, then 5 a second: a thousand refusals in well under a few seconds
      // write about 20, never a thousand; the next line written says how many were left out.
      assertThat(lines.list).hasSizeBetween(20, 100);
      assertThat(lines.list.getFirst().getFormattedMessage()).isEqualTo("token refused");
    } finally {
      logger.detachAppender(lines);
    }
  }

  @Test
  void shortPlaceholderOrRepetitiveSecretsAreWeak() {
    assertThat(TokenSecrets.weakness("change-me")).get().asString().contains("placeholder");
    assertThat(TokenSecrets.weakness("x")).get().asString().contains("too short (1 bytes)");
    assertThat(TokenSecrets.weakness("0123456789012345678901234567890")).isPresent();
    assertThat(TokenSecrets.weakness("CHANGE_ME-please-0123456789abcdefghijklmnop")).isPresent();
    assertThat(TokenSecrets.weakness("ab".repeat(32))).get().asString().contains("repeats");
    assertThat(TokenSecrets.weakness(null)).isPresent();
    assertThat(TokenSecrets.weakness("kQ3v9Zr2xW8pL1sN7yT4bH6mJ0cF5gD2aE8uR3iO")).isEmpty();
    assertThat(TokenSecrets.weakness("0123456789abcdef0123456789abcdef")).isEmpty();
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
