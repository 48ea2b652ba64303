package dev.drawbridge.client.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Budgets follow interaction, the pre-render waits for a quiet settled frame, the loop stops. */
class PulseLoopTest {
  private long now = 10_000_000_000L;
  private int starts;
  private final FakeFrame frame = new FakeFrame();
  private final PulseLoop loop = new PulseLoop(frame, () -> now, () -> starts++);

  @BeforeEach
  void longAfterAnyInput() {
    now += PulseLoop.INTERACTION_NANOS;
  }

  @Test
  void schedulingStartsThePulsesOnceUntilTheLoopStops() {
    loop.schedule();
    loop.schedule();
    assertThat(starts).isEqualTo(1);
    frame.settled = true;
    frame.prerenderLeft = 0;
    assertThat(loop.pulse()).isFalse();
    loop.schedule();
    assertThat(starts).isEqualTo(2);
  }

  @Test
  void recentInputOrSomethingMovingPaintsUnderTheSmallBudget() {
    loop.pulse();
    loop.input();
    loop.pulse();
    now += PulseLoop.INTERACTION_NANOS;
    loop.pulse();
    frame.busy = true;
    loop.pulse();
    assertThat(frame.budgets)
        .containsExactly(
            PulseLoop.BUDGET_IDLE,
            PulseLoop.BUDGET_INTERACTING,
            PulseLoop.BUDGET_IDLE,
            PulseLoop.BUDGET_INTERACTING);
  }

  @Test
  void thePrerenderRunsOnlyOnQuietSettledPulsesThatPaintedNothing() {
    frame.prerenderLeft = 3;
    loop.schedule();
    loop.pulse();
    frame.settled = true;
    frame.tilesWaiting = true;
    loop.pulse();
    frame.tilesWaiting = false;
    frame.paintedNothing = false;
    loop.pulse();
    frame.paintedNothing = true;
    loop.input();
    loop.pulse();
    assertThat(frame.prerenders).isEmpty();

    now += PulseLoop.INTERACTION_NANOS;
    assertThat(loop.pulse()).as("more to pre-render").isTrue();
    assertThat(loop.idle()).isFalse();
    assertThat(loop.pulse()).isTrue();
    assertThat(loop.pulse()).as("pre-render done").isFalse();
    assertThat(frame.prerenders)
        .containsExactly(
            PulseLoop.BUDGET_PRERENDER, PulseLoop.BUDGET_PRERENDER, PulseLoop.BUDGET_PRERENDER);
    assertThat(loop.idle()).isTrue();
  }

  @Test
  void aChangeMakesThePrerenderDueAgain() {
    frame.settled = true;
    frame.prerenderLeft = 1;
    loop.schedule();
    assertThat(loop.pulse()).isFalse();
    frame.prerenderLeft = 1;
    loop.prerender(Long.MAX_VALUE);
    assertThat(frame.prerenders).as("done until something changes").hasSize(1);
    loop.schedule();
    assertThat(loop.idle()).isFalse();
    loop.prerender(Long.MAX_VALUE);
    assertThat(frame.prerenders).containsExactly(PulseLoop.BUDGET_PRERENDER, Long.MAX_VALUE);
  }

  @Test
  void withThePrerenderOffASettledFrameIsIdle() {
    loop.setPrerender(false);
    frame.settled = true;
    frame.prerenderLeft = 5;
    loop.schedule();
    assertThat(loop.pulse()).isFalse();
    assertThat(frame.prerenders).isEmpty();
    assertThat(loop.idle()).isTrue();
  }

  private static final class FakeFrame implements PulseLoop.Frame {
    final List<Long> budgets = new ArrayList<>();
    final List<Long> prerenders = new ArrayList<>();
    boolean settled;
    boolean tilesWaiting;
    boolean paintedNothing = true;
    boolean busy;
    int prerenderLeft;

    @Override
    public void paint(long budget) {
      budgets.add(budget);
    }

    @Override
    public boolean settled() {
      return settled;
    }

    @Override
    public boolean tilesWaiting() {
      return tilesWaiting;
    }

    @Override
    public boolean paintedNothing() {
      return paintedNothing;
    }

    @Override
    public boolean busy() {
      return busy;
    }

    @Override
    public boolean prerender(long budget) {
      prerenders.add(budget);
      prerenderLeft = Math.max(0, prerenderLeft - 1);
      return prerenderLeft > 0;
    }
  }
}
