package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.client.ui.canvas.BoardCanvas;
import dev.drawbridge.client.ui.canvas.RemoteCursor;
import dev.drawbridge.client.ui.canvas.RemoteDraft;
import dev.drawbridge.client.ui.canvas.RemoteSelection;
import dev.drawbridge.client.ui.common.Icons;
import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.client.ui.settings.Settings;
import dev.drawbridge.protocol.message.Cursor;
import dev.drawbridge.protocol.message.Peer;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.message.TextDraft;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * Who is on the board: the bar at the top right (the invite links to copy when hosting, and a
 * toggle with the head count), the list it opens, and what the other members do on the canvas:
 * cursors, selections, text being typed and laser trails (R88–R92). A click on someone in the list
 * follows their view ({@link FollowMode}); "Ask everyone to follow me" presents. This user is
 * always first in the list, with the name it joined with and the colour from the settings. Members
 * who share a colour are kept apart by {@link PeopleLooks}.
 */
final class PeoplePanel {
  private final BoardSession session;
  private final Shell shell;
  private final Messages messages;
  private final BoardCanvas canvas;
  private final BoardToast toast;
  private final Map<String, Cursor> remoteCursors = new HashMap<>();
  private final Map<String, List<String>> remoteSelections = new HashMap<>();
  private final Map<String, TextDraft> remoteDrafts = new HashMap<>();
  private final LivePresence live;
  private final FollowMode follow;
  private final ToggleButton present = new ToggleButton();
  private final ListView<Peer> people = new ListView<>();
  private Map<String, PeopleLooks.Look> looks = Map.of();
  private final VBox panel = new VBox(8);
  private final Label count = new Label("1");
  private final HBox invites = new HBox(4);
  private final Label openBadge = new Label();

  /** Words dropped from the bar's buttons (icons and tooltips stay): a narrow window. */
  private final javafx.beans.property.BooleanProperty compact =
      new javafx.beans.property.SimpleBooleanProperty();

  private String editorLink;
  private String viewerLink;
  private final HBox bar;

  PeoplePanel(
      BoardSession session, Shell shell, BoardCanvas canvas, BoardToast toast, LivePresence live) {
    this.session = session;
    this.shell = shell;
    this.messages = shell.messages();
    this.canvas = canvas;
    this.toast = toast;
    this.live = live;
    this.follow = new FollowMode(canvas, messages, this::nameOf, System::nanoTime);
    this.bar = buildBar();
    buildPanel();
  }

  /** The island with the share address and the people toggle. */
  HBox bar() {
    return bar;
  }

  /** Whether the bar's buttons show icons only, leaving room for the tool bar ({@link TopBars}). */
  javafx.beans.property.BooleanProperty compactProperty() {
    return compact;
  }

  /** The list of people, shown while the toggle is on. */
  VBox panel() {
    return panel;
  }

  FollowMode follow() {
    return follow;
  }

  /**
   * Offers the invite links while hosting: "Copy invite link" (editor) and "Copy view-only link".
   *
   * @param openToNetwork the board is also announced to anyone on the local network
   */
  void setInvites(String editorLink, String viewerLink, boolean openToNetwork) {
    this.editorLink = editorLink;
    this.viewerLink = viewerLink;
    boolean shown = editorLink != null && !editorLink.isBlank();
    invites.setVisible(shown);
    invites.setManaged(shown);
    openBadge.setVisible(shown && openToNetwork);
    openBadge.setManaged(openBadge.isVisible());
  }

  /** The link "Copy invite link" copies, or null when not hosting. */
  String editorLink() {
    return editorLink;
  }

  /** The link "Copy view-only link" copies, or null when not hosting. */
  String viewerLink() {
    return viewerLink;
  }

  void showPeers(Collection<Peer> peers) {
    Settings mine = shell.settings().get();
    // The name this user joined with, as the others see it: the join form's name reaches the
    // settings only once the board has connected, after the welcome's list has been shown.
    String myName = session.memberName() != null ? session.memberName() : mine.name();
    Peer me = new Peer(session.clientId(), myName, mine.color(), "editor");
    List<Peer> others =
        peers.stream().filter(p -> !p.clientId().equals(session.clientId())).toList();
    // The looks follow the order people joined in; the list shows this user first.
    int before = Math.min(others.size(), Math.max(0, session.peersBeforeMe()));
    List<Peer> joinOrder = new ArrayList<>(others.subList(0, before));
    joinOrder.add(me);
    joinOrder.addAll(others.subList(before, others.size()));
    looks = PeopleLooks.of(joinOrder);
    List<Peer> all = new ArrayList<>();
    all.add(me);
    all.addAll(others);
    people.getItems().setAll(all);
    people.refresh();
    count.setText(Integer.toString(all.size()));
    List<String> ids = all.stream().map(Peer::clientId).toList();
    remoteCursors.keySet().retainAll(ids);
    remoteSelections.keySet().retainAll(ids);
    remoteDrafts.keySet().retainAll(ids);
    follow.peersChanged(ids);
    refreshCursors();
  }

  /**
   * Another member's presence: it replaces their previous one whole (R92); laser points add to
   * their fading trail (R90).
   */
  void presence(ServerMessage.PresenceBroadcast p) {
    String id = p.clientId();
    if (id.equals(session.clientId())) {
      return;
    }
    if (p.cursor() == null) {
      remoteCursors.remove(id);
    } else {
      remoteCursors.put(id, p.cursor());
    }
    if (p.selection().isEmpty()) {
      remoteSelections.remove(id);
    } else {
      remoteSelections.put(id, p.selection());
    }
    if (p.draft() == null) {
      remoteDrafts.remove(id);
    } else {
      remoteDrafts.put(id, p.draft());
    }
    if (p.laser() != null) {
      canvas.addLaser(id, lookOf(id).color(), p.laser());
    }
    follow.presence(p);
    refreshCursors();
  }

  /** The name {@code clientId} goes by in the list ("?" for someone not in it). */
  String nameOf(String clientId) {
    for (Peer p : people.getItems()) {
      if (p.clientId().equals(clientId)) {
        return p.name() == null || p.name().isBlank() ? "?" : p.name();
      }
    }
    return "?";
  }

  /** How {@code clientId} is drawn now (someone not in the list yet: grey, with an initial). */
  PeopleLooks.Look lookOf(String clientId) {
    return looks.getOrDefault(clientId, new PeopleLooks.Look("#868e96", "?"));
  }

  private void refreshCursors() {
    Map<String, Peer> byId = new HashMap<>();
    for (Peer p : people.getItems()) {
      byId.put(p.clientId(), p);
    }
    List<RemoteCursor> shown = new ArrayList<>();
    remoteCursors.forEach(
        (id, c) -> {
          Peer p = byId.get(id);
          PeopleLooks.Look look = lookOf(id);
          shown.add(
              new RemoteCursor(
                  id, p == null ? "?" : p.name(), look.color(), look.initial(), c.x(), c.y()));
        });
    canvas.setRemoteCursors(shown);
    List<RemoteSelection> selections = new ArrayList<>();
    remoteSelections.forEach(
        (id, ids) -> selections.add(new RemoteSelection(id, nameOf(id), lookOf(id).color(), ids)));
    canvas.setRemoteSelections(selections);
    List<RemoteDraft> drafts = new ArrayList<>();
    remoteDrafts.forEach(
        (id, d) ->
            drafts.add(
                new RemoteDraft(
                    id,
                    nameOf(id),
                    lookOf(id).color(),
                    d.elementId(),
                    d.x(),
                    d.y(),
                    d.fontSize(),
                    d.text())));
    canvas.setRemoteDrafts(drafts);
  }

  private HBox buildBar() {
    HBox box = new HBox(6);
    box.getStyleClass().addAll("island", "people-bar");
    box.setAlignment(Pos.CENTER_RIGHT);
    Button copyInvite =
        copyButton(
            "copy-invite", "share.copyInvite", MaterialDesignL.LINK_VARIANT, () -> editorLink);
    Button copyView =
        copyButton(
            "copy-view-link", "share.copyViewOnly", MaterialDesignE.EYE_OUTLINE, () -> viewerLink);
    openBadge.setId("open-badge");
    // "monospace": the fixed-width font for the language (Theme sets it with the UI's fonts).
    openBadge.getStyleClass().addAll("share-address", "monospace");
    openBadge.setGraphic(Icons.of(MaterialDesignL.LAN_CONNECT));
    openBadge.textProperty().bind(messages.bind("share.openToNetwork"));
    iconsOnlyWhenCompact(openBadge);
    openBadge.setTooltip(tooltip("share.openToNetwork"));
    invites.getChildren().addAll(openBadge, copyInvite, copyView);
    invites.setAlignment(Pos.CENTER_RIGHT);
    invites.setVisible(false);
    invites.setManaged(false);
    ToggleButton toggle = new ToggleButton();
    toggle.setId("people-toggle");
    toggle.setGraphic(Icons.of(MaterialDesignA.ACCOUNT_MULTIPLE_OUTLINE));
    toggle.textProperty().bind(count.textProperty());
    toggle.setFocusTraversable(false);
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(messages.bind("people.title"));
    toggle.setTooltip(tip);
    panel.visibleProperty().bind(toggle.selectedProperty());
    box.getChildren().addAll(invites, toggle);
    return box;
  }

  private Button copyButton(
      String id,
      String key,
      org.kordamp.ikonli.Ikon icon,
      java.util.function.Supplier<String> link) {
    Button copy = new Button();
    copy.setId(id);
    copy.setGraphic(Icons.of(icon));
    copy.textProperty().bind(messages.bind(key));
    copy.setFocusTraversable(false);
    copy.setOnAction(
        e -> {
          ClipboardContent content = new ClipboardContent();
          content.putString(link.get());
          Clipboard.getSystemClipboard().setContent(content);
          toast.show(messages.get("share.linkCopied"), false);
        });
    copy.setTooltip(tooltip(key + ".tooltip"));
    iconsOnlyWhenCompact(copy);
    return copy;
  }

  private Tooltip tooltip(String key) {
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(messages.bind(key));
    tip.setWrapText(true);
    tip.setMaxWidth(320);
    return tip;
  }

  private void iconsOnlyWhenCompact(javafx.scene.control.Labeled labeled) {
    labeled
        .contentDisplayProperty()
        .bind(
            javafx.beans.binding.Bindings.when(compact)
                .then(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY)
                .otherwise(javafx.scene.control.ContentDisplay.LEFT));
  }

  private void buildPanel() {
    panel.getStyleClass().addAll("island", "people-panel");
    panel.setId("people-panel");
    panel.setPrefWidth(220);
    Label title = Controls.sectionLabel(messages, "people.title");
    people.setPrefHeight(200);
    people.setCellFactory(
        list ->
            new ListCell<>() {
              @Override
              protected void updateItem(Peer peer, boolean empty) {
                super.updateItem(peer, empty);
                if (empty || peer == null) {
                  setText(null);
                  setGraphic(null);
                  return;
                }
                boolean me = peer.clientId().equals(session.clientId());
                boolean led = peer.clientId().equals(follow.leader());
                setText(
                    (me ? messages.get("people.you", peer.name()) : peer.name())
                        + (led ? " — " + messages.get("follow.inList") : ""));
                setGraphic(dot(lookOf(peer.clientId())));
                setId("person-" + peer.clientId());
                setOnMouseClicked(
                    e -> {
                      if (!me) {
                        follow.follow(peer.clientId());
                      }
                    });
              }
            });
    follow.leaderProperty().addListener((o, a, b) -> people.refresh());
    Tooltip followTip = new Tooltip();
    followTip.textProperty().bind(messages.bind("follow.clickToFollow"));
    people.setTooltip(followTip);
    present.setId("present-toggle");
    present.setGraphic(Icons.of(MaterialDesignP.PRESENTATION));
    present.textProperty().bind(messages.bind("follow.present"));
    present.setFocusTraversable(false);
    present.setMaxWidth(Double.MAX_VALUE);
    // On two lines rather than cut to "…" in the panel's width (found by hand).
    present.setWrapText(true);
    present.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    present
        .selectedProperty()
        .addListener(
            (o, a, on) -> {
              follow.presentingMyself(on);
              live.presenting(on);
            });
    Tooltip presentTip = new Tooltip();
    presentTip.textProperty().bind(messages.bind("follow.present.tooltip"));
    presentTip.setWrapText(true);
    presentTip.setMaxWidth(320);
    present.setTooltip(presentTip);
    panel.getChildren().addAll(title, people, present);
  }

  /** A plain dot, or a larger one with the initial when the colour is shared. */
  private static Node dot(PeopleLooks.Look look) {
    Color color = colorOf(look.color());
    if (look.initial() == null) {
      return new Circle(6, color);
    }
    Label letter = new Label(look.initial());
    letter.getStyleClass().add("person-initial");
    letter.setTextFill(
        color.getBrightness() > 0.75 && color.getSaturation() < 0.5 ? Color.BLACK : Color.WHITE);
    StackPane badge = new StackPane(new Circle(9, color), letter);
    badge.getStyleClass().add("person-badge");
    return badge;
  }

  private static Color colorOf(String web) {
    try {
      return Color.web(web);
    } catch (RuntimeException e) {
      return Color.GRAY;
    }
  }
}
