package dev.drawbridge.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SendBudgetTest {
  private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void burstThenSteadyRate() {
    SendBudget budget = new SendBudget(10, 3, t0);
    assertThat(budget.tryTake(t0)).isTrue();
    assertThat(budget.tryTake(t0)).isTrue();
    assertThat(budget.tryTake(t0)).isTrue();
    assertThat(budget.tryTake(t0)).isFalse();
    assertThat(budget.untilNext(t0)).isEqualTo(Duration.ofMillis(100));
    assertThat(budget.tryTake(t0.plusMillis(100))).isTrue();
    assertThat(budget.tryTake(t0.plusMillis(100))).isFalse();
  }

  @Test
  void refusalsHalveTheRateAndAcksWinItBack() {
    SendBudget budget = new SendBudget(180, 360, t0);
    budget.slowDown(t0);
    assertThat(budget.perSecond()).isEqualTo(90);
    assertThat(budget.tryTake(t0)).isTrue();
    assertThat(budget.tryTake(t0)).isFalse(); // the saved-up burst is gone
    for (int i = 0; i < 20; i++) {
      budget.slowDown(t0);
    }
    assertThat(budget.perSecond()).isEqualTo(5);
    for (int i = 0; i < 1000; i++) {
      budget.speedUp();
    }
    assertThat(budget.perSecond()).isEqualTo(180);
  }
}
