package dev.drawbridge.client.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.geom.Viewport;
import org.junit.jupiter.api.Test;

/** The view's moves: wheel and pinch zooms land on levels, fit and first placement, and pans. */
class NavigationTest {
  private static final double W = 800;
  private static final double H = 600;

  private long now = 5_000_000_000L;
  private int moves;
  private int contentReads;
  private Rect content = new Rect(100, 100, 2100, 1100);
  private final Viewport viewport = new Viewport();
  private final Navigation navigation =
      new Navigation(
          viewport,
          () -> W,
          () -> H,
          () -> {
            contentReads++;
            return content;
          },
          () -> now,
          () -> moves++);

  @Test
  void aStepSoonAfterAnotherIsPartOfABurstOnce() {
    navigation.zoomBy(1.2);
    assertThat(navigation.takeBurstStep()).as("a first step").isFalse();
    now += Navigation.STEP_BURST_NANOS / 2;
    navigation.zoomBy(1.2);
    assertThat(navigation.takeBurstStep()).isTrue();
    assertThat(navigation.takeBurstStep()).as("taken once").isFalse();
    assertThat(navigation.burstYoung(now)).isTrue();
    now += Navigation.STEP_BURST_NANOS / 2;
    navigation.zoomBy(1.2);
    assertThat(navigation.burstStepPending()).isTrue();
    assertThat(navigation.burstYoung(now)).as("a burst as long as the window").isFalse();
    now += Navigation.STEP_BURST_NANOS;
    navigation.zoomBy(1.2);
    assertThat(navigation.takeBurstStep()).as("a step after a pause").isFalse();
    assertThat(navigation.burstYoung(now)).isTrue();
  }

  @Test
  void aWheelNotchIsOneStepAroundThePointer() {
    double boardX = viewport.toBoardX(200);
    navigation.wheelZoom(40, 200, 150);
    assertThat(viewport.scale()).isEqualTo(1.2);
    assertThat(viewport.toBoardX(200)).isCloseTo(boardX, within(1.0));
    navigation.wheelZoom(-40, 200, 150);
    assertThat(viewport.scale()).isEqualTo(1.0);
    assertThat(moves).isEqualTo(2);
  }

  @Test
  void smallWheelDeltasAddUpUntilTheWheelPauses() {
    // A delta of 4 is about a tenth of a step: the sixth makes more than half of one.
    for (int i = 0; i < 5; i++) {
      now += 10_000_000L;
      navigation.wheelZoom(4, 0, 0);
    }
    assertThat(viewport.scale()).as("not yet half a step").isEqualTo(1.0);
    now += 10_000_000L;
    navigation.wheelZoom(4, 0, 0);
    assertThat(viewport.scale()).isEqualTo(1.2);
    assertThat(moves).as("every event moves the view, step or not").isEqualTo(6);

    // Left over: about half a step back. After a pause it is dropped, so this stays put.
    now += 600_000_000L;
    navigation.wheelZoom(-20, 0, 0);
    assertThat(viewport.scale()).isEqualTo(1.2);
  }

  @Test
  void aWheelOrPinchZoomCountsAsZoomingUntilItSettles() {
    assertThat(navigation.zooming(now)).isFalse();
    navigation.wheelZoom(40, 0, 0);
    assertThat(navigation.zooming(now + Navigation.ZOOM_SETTLE_NANOS - 1)).isTrue();
    assertThat(navigation.zooming(now + Navigation.ZOOM_SETTLE_NANOS)).isFalse();
    now += 1_000_000_000L;
    navigation.pinch(1.07, 400, 300);
    assertThat(navigation.zooming(now)).isTrue();
  }

  @Test
  void aPinchZoomsSmoothlyAndSettlesOnTheNearestLevel() {
    navigation.pinch(1.1, 400, 300);
    assertThat(viewport.scale()).isEqualTo(1.1);
    navigation.pinch(1.05, 400, 300);
    navigation.pinchEnded(400, 300);
    assertThat(viewport.scale()).isEqualTo(1.2);
    assertThat(moves).isEqualTo(3);
  }

  @Test
  void zoomStepsKeepTheCentreOfTheView() {
    double cx = viewport.toBoardX(W / 2);
    double cy = viewport.toBoardY(H / 2);
    navigation.zoomBy(1.25);
    assertThat(viewport.scale()).isEqualTo(1.2);
    navigation.zoomTo(2);
    assertThat(viewport.scale()).isEqualTo(2);
    assertThat(viewport.toBoardX(W / 2)).isCloseTo(cx, within(1.0));
    assertThat(viewport.toBoardY(H / 2)).isCloseTo(cy, within(1.0));
  }

  @Test
  void theFirstRealSizeShowsTheWholeBoardOnce() {
    navigation.placeOnce(() -> false);
    Rect shown = navigation.visibleArea();
    assertThat(shown.contains(content)).isTrue();
    navigation.panBy(300, 0);
    navigation.placeOnce(() -> false);
    assertThat(navigation.visibleArea()).isNotEqualTo(shown);
    assertThat(moves).isEqualTo(2);
  }

  @Test
  void anEmptyBoardIsPlacedWithItsOriginInTheMiddle() {
    viewport.set(1, -500, -500);
    navigation.placeOnce(() -> true);
    assertThat(viewport.toScreenX(0)).isEqualTo(W / 2);
    assertThat(viewport.toScreenY(0)).isEqualTo(H / 2);
  }

  @Test
  void theViewInDevicePixelsFollowsThePan() {
    viewport.set(2, 0, 0);
    navigation.panBy(-100, -40);
    assertThat(navigation.viewDevice()).isEqualTo(new Rect(100, 40, 100 + W, 40 + H));
  }

  @Test
  void viewsNearbyReadTheContentOnceUntilItChanges() {
    assertThat(navigation.viewsNearby()).extracting(PrerenderTarget::scale).hasSize(3);
    navigation.viewsNearby();
    assertThat(contentReads).isEqualTo(1);
    content = null;
    assertThat(navigation.viewsNearby()).hasSize(3);
    navigation.contentChanged();
    assertThat(navigation.viewsNearby())
        .as("no fit view for an empty board")
        .extracting(PrerenderTarget::scale)
        .containsExactly(1.2, ZoomLevels.step(1, -1));
    assertThat(contentReads).isEqualTo(2);
  }
}
