package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.ui.canvas.BoardCanvas;
import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.message.ViewCentre;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * Following another member's view (R88) and being asked to by a presenter (R89). The view glides to
 * the leader's centre and zoom; any pan or zoom of the user's own stops following, and so does the
 * bar's Stop. A presenter the user stopped following is not followed again on its own until they
 * present anew, and not more than once every {@link #ASK_AGAIN_NANOS}; a presenter who stops
 * presenting releases those who followed because of it. Call from the UI thread.
 */
final class FollowMode {
  static final long ASK_AGAIN_NANOS = 30_000_000_000L;

  /** How quickly the view closes in on the leader's: about 63 % of the way every this long. */
  private static final double GLIDE_SECONDS = 0.12;

  private final BoardCanvas canvas;
  private final Function<String, String> nameOf;
  private final LongSupplier clock;
  private final Map<String, ViewCentre> views = new HashMap<>();
  private final Set<String> presenters = new HashSet<>();
  private final Set<String> declined = new HashSet<>();
  private final Map<String, Long> askedAt = new HashMap<>();
  private final ReadOnlyStringWrapper leader = new ReadOnlyStringWrapper();
  private final HBox bar = new HBox(10);
  private final Label barText = new Label();
  private final Messages messages;
  private boolean byPresentation;
  private boolean presentingMyself;
  private double shownX;
  private double shownY;
  private double shownZoom;
  private long lastFrame;
  private final AnimationTimer glide =
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          step(now);
        }
      };

  FollowMode(
      BoardCanvas canvas, Messages messages, Function<String, String> nameOf, LongSupplier clock) {
    this.canvas = canvas;
    this.messages = messages;
    this.nameOf = nameOf;
    this.clock = clock;
    buildBar();
  }

  /** "Following Bob — Stop", shown while following. */
  HBox bar() {
    return bar;
  }

  /** Whom the view follows now, or null. */
  ReadOnlyStringProperty leaderProperty() {
    return leader.getReadOnlyProperty();
  }

  String leader() {
    return leader.get();
  }

  /** Follows {@code clientId}'s view (a click on them in the people list). */
  void follow(String clientId) {
    follow(clientId, false);
  }

  /** Stops following (the bar's Stop, Escape, or a pan or zoom of the user's own). */
  void stop() {
    String was = leader.get();
    if (was == null) {
      return;
    }
    if (presenters.contains(was)) {
      declined.add(was);
    }
    release();
  }

  /** The user moved the view themselves: that ends following. */
  void userMoved() {
    stop();
  }

  /** This user presents (R89): they lead, so they follow nobody. */
  void presentingMyself(boolean on) {
    presentingMyself = on;
    if (on) {
      stop();
    }
  }

  /** Another member's presence arrived. */
  void presence(ServerMessage.PresenceBroadcast p) {
    String id = p.clientId();
    if (p.view() != null) {
      views.put(id, p.view());
    }
    if (p.asksToFollow()) {
      if (presenters.add(id)) {
        askedToFollow(id);
      }
    } else if (presenters.remove(id)) {
      declined.remove(id);
      if (id.equals(leader.get()) && byPresentation) {
        release();
      }
    }
    if (id.equals(leader.get())) {
      glideTo(views.get(id));
    }
  }

  /** Who is in the room now: someone who left is no longer followed, views or presenting. */
  void peersChanged(Collection<String> present) {
    views.keySet().retainAll(present);
    presenters.retainAll(present);
    declined.retainAll(present);
    if (leader.get() != null && !present.contains(leader.get())) {
      release();
    }
  }

  private void askedToFollow(String presenter) {
    long now = clock.getAsLong();
    Long asked = askedAt.get(presenter);
    if (presentingMyself
        || declined.contains(presenter)
        || asked != null && now - asked < ASK_AGAIN_NANOS) {
      return;
    }
    askedAt.put(presenter, now);
    follow(presenter, true);
  }

  private void follow(String clientId, boolean asked) {
    leader.set(clientId);
    byPresentation = asked;
    declined.remove(clientId);
    barText.setText(messages.get("follow.following", nameOf.apply(clientId)));
    bar.setVisible(true);
    ViewCentre start = canvas.viewCentre();
    shownX = start.x();
    shownY = start.y();
    shownZoom = start.zoom();
    glideTo(views.get(clientId));
  }

  private void release() {
    leader.set(null);
    byPresentation = false;
    bar.setVisible(false);
    glide.stop();
  }

  private void glideTo(ViewCentre target) {
    if (target != null) {
      lastFrame = 0;
      glide.start();
    }
  }

  private void step(long now) {
    ViewCentre target = leader.get() == null ? null : views.get(leader.get());
    if (target == null) {
      glide.stop();
      return;
    }
    double dt = lastFrame == 0 ? 1 / 60.0 : Math.min(0.1, (now - lastFrame) / 1e9);
    lastFrame = now;
    double k = 1 - Math.exp(-dt / GLIDE_SECONDS);
    shownX += (target.x() - shownX) * k;
    shownY += (target.y() - shownY) * k;
    shownZoom = Math.exp(Math.log(shownZoom) + (Math.log(target.zoom()) - Math.log(shownZoom)) * k);
    boolean there =
        Math.abs(target.x() - shownX) * shownZoom < 0.5
            && Math.abs(target.y() - shownY) * shownZoom < 0.5
            && Math.abs(Math.log(target.zoom() / shownZoom)) < 1e-3;
    if (there) {
      shownX = target.x();
      shownY = target.y();
      shownZoom = target.zoom();
      glide.stop();
    }
    canvas.showView(shownX, shownY, shownZoom);
  }

  private void buildBar() {
    bar.setId("follow-bar");
    bar.getStyleClass().addAll("island", "follow-bar");
    bar.setAlignment(Pos.CENTER);
    barText.setId("follow-text");
    Button stopButton = new Button();
    stopButton.setId("follow-stop");
    stopButton.textProperty().bind(messages.bind("follow.stop"));
    stopButton.setFocusTraversable(false);
    stopButton.setOnAction(e -> stop());
    bar.getChildren().addAll(barText, stopButton);
    bar.setVisible(false);
    messages
        .localeProperty()
        .addListener(
            (o, a, b) -> {
              if (leader.get() != null) {
                barText.setText(messages.get("follow.following", nameOf.apply(leader.get())));
              }
            });
  }
}
