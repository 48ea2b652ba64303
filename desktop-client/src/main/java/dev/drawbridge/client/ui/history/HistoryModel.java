package dev.drawbridge.client.ui.history;

import dev.drawbridge.client.history.BoardHistory;
import dev.drawbridge.client.history.Timeline;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.message.HistoryOp;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The history panel's state (issue 17): the board's {@link BoardHistory} loaded into a {@link
 * Timeline}, the point the user looks at, and whether that is the past (the canvas then shows it,
 * read-only, through {@link PastView}) or now. Live ops extend the timeline; a user looking at the
 * past stays where they are, one at the present stays with it. Call on the FX thread.
 */
public final class HistoryModel {
  /** Where loading is. */
  public enum Status {
    IDLE,
    LOADING,
    READY,
    FAILED
  }

  private final BoardHistory history;
  private final PastView past;
  private final Playback playback = new Playback();
  private final ObjectProperty<Status> status = new SimpleObjectProperty<>(Status.IDLE);
  private final IntegerProperty loadedOps = new SimpleIntegerProperty();
  private final ReadOnlyIntegerWrapper point = new ReadOnlyIntegerWrapper();
  private final ReadOnlyBooleanWrapper inPast = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
  private final ReadOnlyIntegerWrapper speed = new ReadOnlyIntegerWrapper(1);
  // Bumped whenever the scale grows or is replaced: the track redraws its marks.
  private final LongProperty revision = new SimpleLongProperty();
  private Timeline timeline;
  private ScrubScale scale = new ScrubScale();
  private Throwable failure;

  public HistoryModel(BoardHistory history, PastView.Screen screen) {
    this.history = history;
    this.past = new PastView(screen);
    history.addListener(
        new BoardHistory.Listener() {
          @Override
          public void appended(Timeline t, int fromIndex) {
            grew(t, fromIndex);
          }

          @Override
          public void failed(Throwable cause) {
            fail(cause);
          }
        });
  }

  /** Loads the history (the panel opened); again after a failure. */
  public void load() {
    if (status.get() == Status.LOADING || status.get() == Status.READY) {
      return;
    }
    status.set(Status.LOADING);
    failure = null;
    history
        .load()
        .whenComplete(
            (t, error) -> {
              if (error == null) {
                grew(t, 0);
                status.set(Status.READY);
              }
            });
  }

  public ObjectProperty<Status> statusProperty() {
    return status;
  }

  /** Ops loaded so far (for "Loading history… n ops"). */
  public IntegerProperty loadedOpsProperty() {
    return loadedOps;
  }

  /** Why loading failed, or null. */
  public Throwable failure() {
    return failure;
  }

  /** Whether the history is the whole board's (false: only what was seen since it was opened). */
  public boolean complete() {
    return history.complete();
  }

  /** The point looked at: the board after this many ops of the timeline. */
  public ReadOnlyIntegerProperty pointProperty() {
    return point.getReadOnlyProperty();
  }

  /** True while the canvas shows a past board (read-only). */
  public ReadOnlyBooleanProperty inPastProperty() {
    return inPast.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty playingProperty() {
    return playing.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty speedProperty() {
    return speed.getReadOnlyProperty();
  }

  public LongProperty revisionProperty() {
    return revision;
  }

  /** The timeline as loaded so far, or null. */
  public Timeline timeline() {
    return timeline;
  }

  public ScrubScale scale() {
    return scale;
  }

  /** The past board shown, or null at the present. */
  public BoardState pastBoard() {
    return past.board();
  }

  /** The op that made the board at the point looked at (the last one applied), or null. */
  public HistoryOp opAtPoint() {
    int p = point.get();
    return timeline == null || p == 0 ? null : timeline.op(p - 1);
  }

  /** When that op happened (epoch ms, 0 when unknown). */
  public long timeAtPoint() {
    int p = point.get();
    return timeline == null || p == 0 ? 0 : timeline.timeOf(p - 1);
  }

  /**
   * Which step the point looked at is, counting whole user actions (landings) from the start: 0 at
   * the start, {@link #steps} at the present.
   */
  public int stepAtPoint() {
    return timeline == null ? 0 : timeline.landingNumber(point.get());
  }

  /** How many steps (whole user actions) lead from the start to the present. */
  public int steps() {
    return timeline == null ? 0 : timeline.landings();
  }

  // ---- moving ---------------------------------------------------------------------------------

  /**
   * Shows the board after {@code target} ops, or after fewer when {@code target} falls inside a
   * user action (a group move's ops, R129): the last point between whole actions at or before it
   * ({@link Timeline#floorLanding}). The last point is the present.
   */
  public void seek(int target) {
    if (timeline == null) {
      return;
    }
    int p = timeline.floorLanding(Math.max(0, Math.min(timeline.size(), target)));
    point.set(p);
    if (p == timeline.size()) {
      past.present();
      inPast.set(false);
    } else {
      past.show(timeline, p);
      inPast.set(true);
    }
  }

  /** Shows the point at {@code position} on the scale (the scrubber was dragged there). */
  public void seekPosition(double position) {
    pause();
    seek(scale.pointAt(position));
  }

  /** Back by one whole action. */
  public void stepBack() {
    pause();
    if (timeline != null) {
      seek(timeline.previousLanding(point.get()));
    }
  }

  /** On by one whole action. */
  public void stepForward() {
    pause();
    if (timeline != null) {
      seek(timeline.nextLanding(point.get()));
    }
  }

  /** Back to the live board. */
  public void backToNow() {
    pause();
    if (timeline != null) {
      seek(timeline.size());
    } else {
      past.present();
      inPast.set(false);
    }
  }

  // ---- playback -------------------------------------------------------------------------------

  /** Plays from the point looked at (from the start when that is the present). */
  public void play() {
    if (timeline == null || timeline.size() == 0) {
      return;
    }
    int from = point.get() >= timeline.size() ? 0 : point.get();
    playback.play(scale.positionOf(from));
    seek(from);
    playing.set(true);
  }

  public void pause() {
    playback.pause();
    playing.set(false);
  }

  public void togglePlay() {
    if (playing.get()) {
      pause();
    } else {
      play();
    }
  }

  /** 1×, 2×, … 64×, then 1× again. */
  public void nextSpeed() {
    setSpeed(playback.nextSpeed());
  }

  public void setSpeed(int s) {
    playback.setSpeed(s);
    speed.set(playback.speed());
  }

  /** One frame of playback at {@code nowNanos} (the panel's AnimationTimer, or a test). */
  public void frame(long nowNanos) {
    if (!playing.get()) {
      return;
    }
    double position = playback.frame(nowNanos, scale);
    int target = timeline.floorLanding(scale.pointAt(position));
    if (target != point.get()) {
      seek(target);
    }
    if (!playback.playing()) {
      playing.set(false);
    }
  }

  // ---- the history's news ---------------------------------------------------------------------

  private void grew(Timeline t, int fromIndex) {
    boolean atPresent = !inPast.get();
    if (t != timeline) {
      // A new timeline (loaded, or a recorded history that started again after a gap).
      timeline = t;
      scale = ScrubScale.of(t);
      if (!atPresent) {
        pause();
        past.present();
        inPast.set(false);
        atPresent = true;
      }
    } else {
      scale.extend(t);
    }
    loadedOps.set(t.size());
    if (atPresent) {
      point.set(t.size());
    } else if (!t.isLanding(point.get())) {
      // The rest of an action that was still arriving came in: the point looked at is now inside
      // it, so show the board before it rather than half of it.
      seek(point.get());
    }
    revision.set(revision.get() + 1);
  }

  private void fail(Throwable cause) {
    failure = cause;
    pause();
    status.set(Status.FAILED);
  }
}
