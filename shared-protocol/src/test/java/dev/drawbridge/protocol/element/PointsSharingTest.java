package dev.drawbridge.protocol.element;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Runs of one stroke share a buffer so appending costs only the points appended (issue 19): no run
 * may ever see another run's points, whatever order and thread they are appended in.
 */
class PointsSharingTest {
  private static final int MAX = 20_000;

  private static Points run(int from, int count) {
    float[] c = new float[2 * count];
    for (int i = 0; i < count; i++) {
      c[2 * i] = from + i;
      c[2 * i + 1] = -(from + i);
    }
    return Points.of(c);
  }

  private static void assertRun(Points p, int count) {
    assertThat(p).isEqualTo(run(0, count));
  }

  @Test
  void twoRunsGrownFromOneKeepTheirOwnPoints() {
    Points base = run(0, 10).append(run(10, 5), MAX); // has spare room now
    Points a = base.append(run(15, 3), MAX); // writes into the spare room
    Points b = base.append(Points.of(7, 7), MAX); // must not overwrite a's points
    assertRun(base, 15);
    assertRun(a, 18);
    assertThat(b.size()).isEqualTo(16);
    assertThat(b.x(15)).isEqualTo(7);
    assertThat(b.x(14)).isEqualTo(14);
  }

  @Test
  void theSamePointsAppendedTwiceShareWhatIsThere() {
    // The client's own stroke: appended to its view first, then to the confirmed board.
    Points confirmed = run(0, 10).append(run(10, 10), MAX);
    Points view = confirmed.append(run(20, 4), MAX).append(run(24, 4), MAX);
    Points confirmedLater = confirmed.append(run(20, 4), MAX).append(run(24, 4), MAX);
    assertRun(view, 28);
    assertRun(confirmedLater, 28);
    assertThat(confirmedLater).isEqualTo(view).hasSameHashCodeAs(view);
  }

  @Test
  void boundsFollowTheAppendedPoints() {
    Random random = new Random(7);
    Points p = Points.of(3, 4);
    List<Float> xs = new ArrayList<>(List.of(3f));
    List<Float> ys = new ArrayList<>(List.of(4f));
    for (int i = 0; i < 200; i++) {
      float x = random.nextFloat() * 2000 - 1000;
      float y = random.nextFloat() * 2000 - 1000;
      p = p.append(Points.of(x, y), MAX);
      xs.add(x);
      ys.add(y);
    }
    assertThat(p.minX()).isEqualTo(xs.stream().min(Float::compare).orElseThrow());
    assertThat(p.maxX()).isEqualTo(xs.stream().max(Float::compare).orElseThrow());
    assertThat(p.minY()).isEqualTo(ys.stream().min(Float::compare).orElseThrow());
    assertThat(p.maxY()).isEqualTo(ys.stream().max(Float::compare).orElseThrow());
  }

  @Test
  void theLimitStillHolds() {
    Points p = run(0, MAX - 2).append(run(0, 10), MAX);
    assertThat(p.size()).isEqualTo(MAX);
    assertThat(p.append(Points.of(1, 1), MAX)).isSameAs(p);
  }

  @Test
  void threadsAppendingToOneRunEachGetTheirOwnPoints() throws Exception {
    Points base = run(0, 100).append(run(100, 100), MAX);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Points>> tasks = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        float mark = t;
        tasks.add(
            () -> {
              Points p = base;
              for (int i = 0; i < 50; i++) {
                p = p.append(Points.of(mark, i), MAX);
              }
              return p;
            });
      }
      List<Future<Points>> results = pool.invokeAll(tasks);
      for (int t = 0; t < 16; t++) {
        Points p = results.get(t).get();
        assertThat(p.size()).isEqualTo(250);
        for (int i = 0; i < 50; i++) {
          assertThat(p.x(200 + i)).isEqualTo(t);
          assertThat(p.y(200 + i)).isEqualTo(i);
        }
      }
      assertRun(base, 200);
    } finally {
      pool.shutdownNow();
    }
  }
}
