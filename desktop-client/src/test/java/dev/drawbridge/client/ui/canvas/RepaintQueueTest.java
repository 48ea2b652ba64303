package dev.drawbridge.client.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.geom.Rect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pending work is handed out once, and only marks that bring work wake the loop. */
class RepaintQueueTest {
  private int wakes;
  private final RepaintQueue queue = new RepaintQueue(() -> wakes++);

  @Test
  void aNewQueueWantsEverythingPaintedOnce() {
    assertThat(queue.isEmpty()).isFalse();
    assertThat(queue.takeFull()).isTrue();
    assertThat(queue.takeFull()).isFalse();
    assertThat(queue.liveWaiting()).isTrue();
    queue.livePainted();
    assertThat(queue.isEmpty()).isTrue();
    assertThat(wakes).isZero();
  }

  @Test
  void regionsStayApartAndAreHandedOutOnce() {
    queue.takeFull();
    queue.livePainted();
    Rect left = new Rect(0, 0, 10, 10);
    Rect right = new Rect(5000, 0, 5010, 10);
    queue.region(left);
    queue.region(null);
    queue.region(right);
    assertThat(wakes).isEqualTo(2);
    List<Rect> out = new ArrayList<>();
    queue.drainRegions(out::add);
    assertThat(out).containsExactly(left, right);
    queue.drainRegions(out::add);
    assertThat(out).hasSize(2);
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void aLiveLayerFoundStaleMidPulseDoesNotWakeTheLoop() {
    queue.livePainted();
    queue.liveStale();
    assertThat(wakes).isZero();
    assertThat(queue.liveWaiting()).isTrue();
    queue.livePainted();
    queue.live();
    assertThat(wakes).isEqualTo(1);
  }

  @Test
  void restartingDropsWhatWasQueuedToGoOnTop() {
    queue.takeFull();
    queue.onTop("a");
    queue.restart();
    List<String> out = new ArrayList<>();
    queue.drainOnTop(out::add);
    assertThat(out).isEmpty();
    assertThat(queue.takeFull()).isTrue();
    assertThat(queue.liveWaiting()).isTrue();
    assertThat(wakes).isEqualTo(2);
  }
}
