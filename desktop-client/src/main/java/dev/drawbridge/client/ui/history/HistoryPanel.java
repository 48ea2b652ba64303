package dev.drawbridge.client.ui.history;

import dev.drawbridge.client.history.HistoryUnavailableException;
import dev.drawbridge.client.history.PastActions;
import dev.drawbridge.client.ui.common.Icons;
import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.client.ui.common.MomentText;
import dev.drawbridge.protocol.message.HistoryOp;
import java.util.Collection;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The history island (issue 17): a scrubber over the board's timeline with each change marked in
 * its author's colour, step and play controls (1×–64×), who made the change at the cursor and when,
 * and, while the past is shown, "Back to now", "Restore this version" and "Copy from here". It also
 * owns the banner that says the board shown is the past and read-only. The state lives in {@link
 * HistoryModel}; this class builds and binds.
 */
public final class HistoryPanel {
  /** What the panel needs from the board screen. */
  public record Context(
      Messages messages,
      String clientId,
      Supplier<String> ownName,
      boolean shared,
      Supplier<Collection<String>> selectedIds,
      java.util.function.Function<String, String> rememberedName,
      Supplier<Object> presentVersion,
      MomentText moments) {}

  private static final javafx.scene.input.KeyCombination COPY =
      new javafx.scene.input.KeyCodeCombination(
          KeyCode.C, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);

  private static final javafx.scene.input.KeyCombination PASTE =
      new javafx.scene.input.KeyCodeCombination(
          KeyCode.V, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);

  private final HistoryModel model;
  private final Context ctx;
  private final Messages messages;
  private final AuthorColours authors;
  private final VBox panel = new VBox(8);
  private final HBox banner = new HBox(10);
  private final Label status = new Label();
  private final Label atCursor = new Label();
  private final Label bannerText = new Label();
  private final BooleanProperty open = new SimpleBooleanProperty();
  private final javafx.beans.property.ObjectProperty<PastActions> actions =
      new javafx.beans.property.SimpleObjectProperty<>();
  private final ScrubTrack track;
  private final AnimationTimer player =
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          model.frame(now);
          if (!model.playingProperty().get()) {
            stop();
          }
        }
      };

  public HistoryPanel(HistoryModel model, AuthorColours authors, Context ctx) {
    this.model = model;
    this.ctx = ctx;
    this.messages = ctx.messages();
    this.authors = authors;
    this.track = new ScrubTrack(model, authors::colourOf, open);
    build();
    model.statusProperty().addListener((o, a, b) -> showStatus());
    model.loadedOpsProperty().addListener((o, a, b) -> showStatus());
    model.pointProperty().addListener((o, a, b) -> showPoint());
    model.revisionProperty().addListener((o, a, b) -> showPoint());
    model.inPastProperty().addListener((o, a, b) -> showPoint());
    messages.localeProperty().addListener((o, a, b) -> refresh());
    model
        .playingProperty()
        .addListener(
            (o, a, playing) -> {
              if (playing) {
                player.start();
              } else {
                player.stop();
              }
            });
    refresh();
  }

  /** The island itself (placed by the board view). */
  public VBox panel() {
    return panel;
  }

  /** "Viewing the board as it was at … — read-only" with "Back to now", shown while in the past. */
  public HBox banner() {
    return banner;
  }

  /**
   * What "Restore this version" and "Copy from here" do; null (the default) disables both with a
   * tooltip saying they are not available yet.
   */
  public void setActions(PastActions pastActions) {
    actions.set(pastActions);
  }

  public BooleanProperty openProperty() {
    return open;
  }

  public HistoryModel model() {
    return model;
  }

  /** Opens the panel (loading the history the first time) or closes it, back at the present. */
  public void toggle() {
    if (open.get()) {
      close();
    } else {
      open();
    }
  }

  public void open() {
    open.set(true);
    model.load();
    panel.requestFocus();
  }

  public void close() {
    model.backToNow();
    open.set(false);
  }

  /** The connection came back: a load that failed for want of one is tried again. */
  public void connected() {
    if (open.get() && model.statusProperty().get() == HistoryModel.Status.FAILED) {
      model.load();
    }
  }

  /** People in the room: their names and colours for the marks. */
  public void peersChanged(Collection<dev.drawbridge.protocol.message.Peer> peers) {
    authors.learn(peers);
    model.revisionProperty().set(model.revisionProperty().get() + 1);
  }

  /**
   * Keys for the history: Esc goes back to now from the past, ← and → step while the panel has the
   * focus. Returns whether {@code e} was one of them (the board's shortcuts then leave it alone).
   */
  public boolean handleKey(KeyEvent e) {
    if (!open.get()) {
      return false;
    }
    if (e.getCode() == KeyCode.ESCAPE && model.inPastProperty().get()) {
      model.backToNow();
      return true;
    }
    if (COPY.match(e) && model.inPastProperty().get()) {
      // Ctrl+C on the past copies the past, never the present versions of the same elements.
      copy();
      return true;
    }
    if (PASTE.match(e) && model.inPastProperty().get()) {
      return true; // the past is read-only; the banner says so (a viewer's refusal would not fit)
    }
    boolean focused = panel.getScene() != null && isInPanel(panel.getScene().getFocusOwner());
    if (focused && !e.isShortcutDown() && !e.isAltDown()) {
      if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.KP_LEFT) {
        model.stepBack();
        return true;
      }
      if (e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.KP_RIGHT) {
        model.stepForward();
        return true;
      }
      if (e.getCode() == KeyCode.SPACE) {
        model.togglePlay();
        return true;
      }
    }
    return false;
  }

  private boolean isInPanel(javafx.scene.Node n) {
    for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
      if (p == panel) {
        return true;
      }
    }
    return false;
  }

  // ---- layout ---------------------------------------------------------------------------------

  private void build() {
    panel.setId("history-panel");
    panel.getStyleClass().addAll("island", "history-panel");
    panel.setPrefWidth(600);
    panel.setFocusTraversable(true);
    panel.visibleProperty().bind(open);
    panel.managedProperty().bind(open);
    // Any press in the panel (the track consumes its own) gives it the keys: ← → and Space.
    panel.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> panel.requestFocus());

    Label title = new Label();
    title.textProperty().bind(messages.bind("history.title"));
    title.getStyleClass().add("section-label");
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    status.setId("history-status");
    status.getStyleClass().add("history-status");
    status.setWrapText(true);
    Button closeButton =
        button("history.close", MaterialDesignC.CLOSE, "history-close", this::close);
    HBox head = new HBox(8, title, status, grow, closeButton);
    head.setAlignment(Pos.CENTER_LEFT);

    Button back =
        button("history.stepBack", MaterialDesignS.STEP_BACKWARD, "history-back", model::stepBack);
    Button play = button("history.play", MaterialDesignP.PLAY, "history-play", model::togglePlay);
    model
        .playingProperty()
        .addListener(
            (o, a, playing) ->
                play.setGraphic(Icons.of(playing ? MaterialDesignP.PAUSE : MaterialDesignP.PLAY)));
    Button forward =
        button(
            "history.stepForward",
            MaterialDesignS.STEP_FORWARD,
            "history-forward",
            model::stepForward);
    Button speed = new Button();
    speed.setId("history-speed");
    speed.getStyleClass().add("history-speed");
    speed.setFocusTraversable(false);
    speed.textProperty().bind(Bindings.format("%d×", model.speedProperty()));
    speed.setOnAction(e -> model.nextSpeed());
    tooltip(speed, "history.speed");
    atCursor.setId("history-at");
    atCursor.getStyleClass().add("history-at");
    Region grow2 = new Region();
    HBox.setHgrow(grow2, Priority.ALWAYS);
    HBox controls = new HBox(4, back, play, forward, speed, grow2, atCursor);
    controls.setAlignment(Pos.CENTER_LEFT);
    for (Button b : new Button[] {back, play, forward, speed}) {
      b.disableProperty().bind(model.statusProperty().isNotEqualTo(HistoryModel.Status.READY));
    }

    Button now =
        textButton("history.backToNow", MaterialDesignH.HISTORY, "history-now", model::backToNow);
    Button restore =
        textButton("history.restore", MaterialDesignR.RESTORE, "history-restore", this::restore);
    Button copy =
        textButton("history.copy", MaterialDesignC.CONTENT_COPY, "history-copy", this::copy);
    now.disableProperty().bind(model.inPastProperty().not());
    var noPast = model.inPastProperty().not().or(actions.isNull());
    restore.disableProperty().bind(noPast);
    copy.disableProperty().bind(noPast);
    // Without actions the buttons say why they are grey instead of doing nothing.
    actions.addListener((o, a, b) -> actionTips(restore, copy));
    actionTips(restore, copy);
    HBox actionRow = new HBox(6, now, restore, copy);
    actionRow.setAlignment(Pos.CENTER_LEFT);
    panel.getChildren().addAll(head, track, controls, actionRow);

    banner.setId("history-banner");
    banner.getStyleClass().addAll("island", "history-banner");
    banner.setAlignment(Pos.CENTER_LEFT);
    bannerText.setId("history-banner-text");
    Button bannerNow =
        textButton(
            "history.backToNow", MaterialDesignH.HISTORY, "history-banner-now", model::backToNow);
    banner.getChildren().addAll(bannerText, bannerNow);
    banner.visibleProperty().bind(model.inPastProperty());
  }

  private Button button(String key, Ikon icon, String id, Runnable action) {
    Button b = new Button();
    b.setGraphic(Icons.of(icon));
    b.setId(id);
    b.getStyleClass().add("icon-button");
    b.setFocusTraversable(false);
    tooltip(b, key);
    b.setOnAction(
        e -> {
          action.run();
          panel.requestFocus();
        });
    return b;
  }

  private Button textButton(String key, Ikon icon, String id, Runnable action) {
    Button b = new Button();
    b.textProperty().bind(messages.bind(key));
    b.setGraphic(Icons.of(icon));
    b.setId(id);
    b.setFocusTraversable(false);
    b.setOnAction(e -> action.run());
    return b;
  }

  private void actionTips(Button restore, Button copy) {
    boolean none = actions.get() == null;
    tooltip(restore, none ? "history.notYet" : "history.restoreTip");
    tooltip(copy, none ? "history.notYet" : "history.copyTip");
  }

  private void tooltip(javafx.scene.control.Control c, String key) {
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(messages.bind(key));
    c.setTooltip(tip);
  }

  // ---- actions --------------------------------------------------------------------------------

  private void restore() {
    PastActions a = actions.get();
    if (a != null && model.pastBoard() != null) {
      Object before = ctx.presentVersion().get();
      a.restore(model.pastBoard().copy());
      // Restored: the present is that version now, so show it; asked and cancelled: stay.
      if (!before.equals(ctx.presentVersion().get())) {
        model.backToNow();
      }
    }
  }

  private void copy() {
    PastActions a = actions.get();
    if (a != null && model.pastBoard() != null) {
      a.copy(model.pastBoard().copy(), java.util.List.copyOf(ctx.selectedIds().get()));
    }
  }

  // ---- text -----------------------------------------------------------------------------------

  private void refresh() {
    showStatus();
    showPoint();
  }

  private void showStatus() {
    String text =
        switch (model.statusProperty().get()) {
          case IDLE -> "";
          case LOADING -> messages.get("history.loading", model.loadedOpsProperty().get());
          case FAILED ->
              model.failure() instanceof HistoryUnavailableException
                  ? messages.get("history.offline")
                  : messages.get("history.failed");
          case READY -> {
            if (model.timeline() != null && model.timeline().size() == 0) {
              yield messages.get(model.complete() ? "history.empty" : "history.emptySinceOpened");
            }
            if (!model.complete()) {
              yield messages.get(ctx.shared() ? "history.relayKeepsNone" : "history.sinceOpened");
            }
            yield "";
          }
        };
    status.setText(text);
    status.pseudoClassStateChanged(
        javafx.css.PseudoClass.getPseudoClass("error"),
        model.statusProperty().get() == HistoryModel.Status.FAILED);
  }

  private void showPoint() {
    HistoryOp op = model.opAtPoint();
    // Ops from a relay before R116 have no time: they are told apart by their number instead, which
    // counts whole user actions (a group move is one change, R129), as the step buttons move.
    String time = formatTime(model.timeAtPoint());
    String when =
        !time.isEmpty()
            ? time
            : op == null
                ? messages.get("history.start")
                : messages.get("history.change", model.stepAtPoint(), model.steps());
    if (model.timeline() == null) {
      atCursor.setText("");
    } else if (op == null) {
      atCursor.setText(messages.get("history.start"));
    } else {
      atCursor.setText(messages.get("history.byAt", authorName(op.clientId()), when));
    }
    bannerText.setText(messages.get(time.isEmpty() ? "history.bannerAt" : "history.banner", when));
  }

  /** A name for {@code clientId}: this user, someone in the room or seen before, or a short id. */
  String authorName(String clientId) {
    if (clientId.equals(ctx.clientId())) {
      return messages.get("history.you", ctx.ownName().get());
    }
    String name = authors.nameOf(clientId);
    // Else the name remembered from an earlier session, or a short id (as attribution says it).
    return name != null ? name : ctx.rememberedName().apply(clientId);
  }

  /** Epoch ms as the status bar writes it, in the UI's language ("" when unknown). */
  String formatTime(long epochMs) {
    return ctx.moments().of(epochMs);
  }
}
