package dev.drawbridge.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReconnectPolicyTest {
  private static final Duration BASE = Duration.ofSeconds(1);
  private static final Duration CAP = Duration.ofSeconds(30);

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234})
  void delaysStayWithinTheDoublingCeilingAndTheCap(long seed) {
    ReconnectPolicy policy = new ReconnectPolicy(BASE, CAP, new Random(seed));
    long[] ceilingsSeconds = {1, 2, 4, 8, 16, 30, 30, 30, 30, 30};
    for (long ceiling : ceilingsSeconds) {
      Duration d = policy.nextDelay();
      assertThat(d).isBetween(Duration.ZERO, Duration.ofSeconds(ceiling));
    }
    assertThat(policy.attempts()).isEqualTo(ceilingsSeconds.length);
    for (int i = 0; i < 100; i++) {
      assertThat(policy.nextDelay()).isLessThanOrEqualTo(CAP);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 8, 9})
  void fullJitterSpreadsDelaysOverTheWholeRange(long seed) {
    Random random = new Random(seed);
    double min = Double.MAX_VALUE;
    double max = 0;
    for (int i = 0; i < 500; i++) {
      ReconnectPolicy policy = new ReconnectPolicy(BASE, CAP, random);
      for (int a = 0; a < 9; a++) {
        policy.nextDelay();
      }
      double s = policy.nextDelay().toMillis() / 1000.0;
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    assertThat(min).isLessThan(3);
    assertThat(max).isGreaterThan(27);
  }

  @ParameterizedTest
  @ValueSource(longs = {5})
  void resetStartsFromTheBaseAgain(long seed) {
    ReconnectPolicy policy = new ReconnectPolicy(BASE, CAP, new Random(seed));
    for (int i = 0; i < 8; i++) {
      policy.nextDelay();
    }
    policy.reset();
    assertThat(policy.attempts()).isZero();
    assertThat(policy.nextDelay()).isLessThanOrEqualTo(BASE);
    assertThat(policy.ceiling(1)).isEqualTo(BASE);
    assertThat(policy.ceiling(100)).isEqualTo(CAP);
  }
}
