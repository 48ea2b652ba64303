package dev.drawbridge.client.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.geom.Viewport;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Zoom steps land on the same levels whatever the path, so cached levels are found again. */
class ZoomLevelsTest {
  @Test
  void stepsFromOneHundredPercentLandOnPowersOfTheStep() {
    assertThat(ZoomLevels.step(1, 1)).isEqualTo(1.2);
    assertThat(ZoomLevels.step(1.2, -1)).isEqualTo(1.0);
    assertThat(ZoomLevels.step(1, 2)).isEqualTo(ZoomLevels.step(ZoomLevels.step(1, 1), 1));
    assertThat(ZoomLevels.step(1, -3)).isEqualTo(ZoomLevels.step(1, -1 - 1 - 1));
  }

  @Test
  void aScaleBetweenLevelsStepsToTheNextLevelInTheStepsDirection() {
    double fit = 0.1877;
    double up = ZoomLevels.step(fit, 1);
    double down = ZoomLevels.step(fit, -1);
    assertThat(up).isGreaterThan(fit).isLessThan(fit * 1.2 + 1e-12);
    assertThat(down).isLessThan(fit).isGreaterThan(fit / 1.2 - 1e-12);
    assertThat(ZoomLevels.step(up, 0)).isEqualTo(up);
    assertThat(ZoomLevels.step(down, 1)).isEqualTo(up);
  }

  @Test
  void levelsAreClampedToTheViewportsLimits() {
    assertThat(ZoomLevels.step(Viewport.MAX_SCALE, 1)).isEqualTo(Viewport.MAX_SCALE);
    assertThat(ZoomLevels.step(Viewport.MIN_SCALE, -1)).isEqualTo(Viewport.MIN_SCALE);
  }

  @Test
  void factorsBecomeWholeSteps() {
    assertThat(ZoomLevels.stepsFor(1.2)).isEqualTo(1);
    assertThat(ZoomLevels.stepsFor(1.25)).isEqualTo(1);
    assertThat(ZoomLevels.stepsFor(0.8)).isEqualTo(-1);
    assertThat(ZoomLevels.stepsFor(1.01)).isEqualTo(1);
    assertThat(ZoomLevels.stepsFor(1.44)).isEqualTo(2);
    assertThat(ZoomLevels.stepsFor(1)).isZero();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void anyWalkOfStepsBackToTheStartFindsTheSameDouble(long seed) {
    Random r = new Random(seed);
    double s = ZoomLevels.nearest(0.1 + r.nextDouble() * 4);
    double start = s;
    int net = 0;
    for (int i = 0; i < 40; i++) {
      int k = r.nextBoolean() ? 1 : -1;
      double next = ZoomLevels.step(s, k);
      if (next == Viewport.MIN_SCALE || next == Viewport.MAX_SCALE) {
        continue;
      }
      s = next;
      net += k;
    }
    assertThat(ZoomLevels.step(s, -net)).isEqualTo(start);
  }
}
