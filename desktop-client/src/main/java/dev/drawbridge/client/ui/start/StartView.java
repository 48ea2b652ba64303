package dev.drawbridge.client.ui.start;

import dev.drawbridge.client.host.HostedRelay;
import dev.drawbridge.client.host.discovery.NetworkBoard;
import dev.drawbridge.client.invite.InviteLink;
import dev.drawbridge.client.sync.UnsentBoards;
import dev.drawbridge.client.ui.common.Icons;
import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.client.ui.settings.Settings;
import dev.drawbridge.client.update.ReleaseNotice;
import dev.drawbridge.protocol.validation.Require;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The first screen: join a shared board, host one on this computer, work offline, or reopen a
 * recent board. The join form is remembered between runs.
 */
public final class StartView {
  /** What the start screen asks the window to do. */
  public interface Actions {
    void join(JoinForm form);

    /**
     * Hosts a board in {@code room} (a valid room name, R1) on this computer.
     *
     * @param openToNetwork anyone on the local network may join (the board is announced there);
     *     otherwise only people with an invite link
     */
    void host(String room, boolean openToNetwork);

    /** Joins a board listed under "Boards on your network". */
    void joinNetworkBoard(NetworkBoard board);

    void workOffline();

    void openFile(Path file);

    void showSettings();
  }

  private static final KeyCombination PASTE =
      new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);

  private final Messages messages;
  private final Actions actions;
  private final VBox root = new VBox(18);
  private final TextField server = LinkPaste.textField(this::takeLink);
  private final TextField room = LinkPaste.textField(this::takeLink);
  private final TextField name = LinkPaste.textField(this::takeLink);
  private final PasswordField token = LinkPaste.passwordField(this::takeLink);
  // A new unguessable room each time the screen shows; the host may type another.
  private final TextField hostRoom = new TextField(HostedRelay.newRoom());
  private final CheckBox hostOpen = new CheckBox();
  private final VBox networkBoards = new VBox(4);
  private final Label error = new Label();
  private final Label hostStatus = new Label();
  private final VBox recent = new VBox(4);
  private final VBox unsent = new VBox(4);
  private Button hostButton;
  private Button joinButton;

  public StartView(Messages messages, Settings settings, Actions actions) {
    this.messages = messages;
    this.actions = actions;
    server.setText(settings.serverUrl());
    room.setText(settings.room());
    name.setText(settings.name());
    token.setText(settings.token());
    build(settings);
  }

  public Parent root() {
    return root;
  }

  /** Shows a problem in plain words under the cards. */
  public void showError(String message) {
    if (hostButton != null) {
      hostButton.setDisable(false);
      hostStatus.setText("");
    }
    error.setText(message);
    error.setVisible(message != null && !message.isBlank());
  }

  /**
   * Shows that {@code notice}'s release is available, above everything else (issue 20); {@code
   * choices} says what its buttons do.
   */
  public void showUpdate(ReleaseNotice notice, UpdateBar.Choices choices) {
    root.getChildren().removeIf(n -> UpdateBar.ID.equals(n.getId()));
    root.getChildren().addFirst(UpdateBar.of(messages, notice, choices));
  }

  public void showHostStatus(String message) {
    hostStatus.setText(message);
  }

  public JoinForm form() {
    return new JoinForm(server.getText(), room.getText(), name.getText(), token.getText());
  }

  private void build(Settings settings) {
    root.getStyleClass().add("start-view");
    root.addEventFilter(KeyEvent.KEY_PRESSED, this::pasteLinkAnywhere);
    root.setAlignment(Pos.TOP_CENTER);
    root.setPadding(new Insets(36, 24, 24, 24));

    FontIcon logo = new FontIcon(MaterialDesignD.DRAW);
    logo.setIconSize(40);
    logo.getStyleClass().add("logo");
    Label title = new Label("Drawbridge");
    title.getStyleClass().add("start-title");
    Label tagline = label("start.tagline");
    tagline.getStyleClass().add("start-tagline");
    HBox header = new HBox(12, logo, new VBox(2, title, tagline));
    header.setAlignment(Pos.CENTER);

    HBox cards = new HBox(16, joinCard(), hostCard(), offlineCard());
    cards.setAlignment(Pos.TOP_CENTER);

    error.setId("start-error");
    error.getStyleClass().add("start-error");
    error.setWrapText(true);
    error.setMaxWidth(760);
    error.setVisible(false);

    VBox networkBox = new VBox(6, label("network.title"), networkBoards);
    networkBox.getStyleClass().add("recent-box");
    networkBox.setId("network-box");
    networkBox.setMaxWidth(760);
    networkBoards.setId("network-boards");
    showNetworkBoards(List.of());

    VBox recentBox = new VBox(6, label("start.recent"), recent);
    recentBox.getStyleClass().add("recent-box");
    recentBox.setMaxWidth(760);
    fillRecent(settings);

    Hyperlink settingsLink = new Hyperlink();
    settingsLink.textProperty().bind(messages.bind("menu.settings"));
    settingsLink.setGraphic(Icons.of(MaterialDesignC.COG_OUTLINE));
    settingsLink.setOnAction(e -> actions.showSettings());

    Label unsentTitle = label("start.unsent.title");
    unsentTitle.getStyleClass().add("unsent-title");
    VBox unsentBox = new VBox(6, unsentTitle, unsent);
    unsentBox.setId("unsent-boards");
    unsentBox.getStyleClass().add("recent-box");
    unsentBox.setMaxWidth(760);
    unsentBox
        .visibleProperty()
        .bind(javafx.beans.binding.Bindings.isNotEmpty(unsent.getChildren()));
    unsentBox.managedProperty().bind(unsentBox.visibleProperty());

    VBox content =
        new VBox(18, header, cards, error, unsentBox, networkBox, recentBox, settingsLink);
    content.setAlignment(Pos.TOP_CENTER);
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("start-scroll");
    VBox.setVgrow(scroll, Priority.ALWAYS);
    root.getChildren().add(scroll);
  }

  private VBox card(String titleKey, String textKey, org.kordamp.ikonli.Ikon icon) {
    VBox card = new VBox(10);
    card.getStyleClass().add("start-card");
    card.setPrefWidth(290);
    FontIcon i = new FontIcon(icon);
    i.setIconSize(26);
    i.getStyleClass().add("card-icon");
    Label t = label(titleKey);
    t.getStyleClass().add("card-title");
    Label d = label(textKey);
    d.setWrapText(true);
    d.getStyleClass().add("card-text");
    card.getChildren().addAll(i, t, d);
    return card;
  }

  private VBox joinCard() {
    VBox card = card("start.join", "start.join.text", MaterialDesignA.ACCOUNT_GROUP_OUTLINE);
    server.setId("join-server");
    room.setId("join-room");
    name.setId("join-name");
    token.setId("join-token");
    server.promptTextProperty().bind(messages.bind("join.server.prompt"));
    room.promptTextProperty().bind(messages.bind("join.room.prompt"));
    token.promptTextProperty().bind(messages.bind("join.token.prompt"));
    GridPane form = new GridPane(8, 6);
    form.addRow(0, formLabel("join.server"), server);
    form.addRow(1, formLabel("join.room"), room);
    form.addRow(2, formLabel("join.name"), name);
    form.addRow(3, formLabel("join.token"), token);
    GridPane.setHgrow(server, Priority.ALWAYS);
    Button join = button("start.join.button", "join-button", MaterialDesignL.LOGIN);
    join.setDefaultButton(true);
    join.getStyleClass().add("accent");
    join.setOnAction(e -> submitJoin());
    joinButton = join;
    card.getChildren().addAll(form, join);
    return card;
  }

  /** Fills the join form with {@code form}: what was last tried, to correct after a failure. */
  public void fill(JoinForm form) {
    server.setText(form.serverUrl());
    room.setText(form.room());
    name.setText(form.name());
    token.setText(form.token());
  }

  /**
   * Fills the join form with everything {@code link} carries: server, room (always the link's,
   * whatever the room field remembered) and token. The name stays.
   */
  public void fill(InviteLink link) {
    JoinForm filled = form().with(link);
    server.setText(filled.serverUrl());
    room.setText(filled.room());
    token.setText(filled.token());
    showError(null);
    (filled.name().isEmpty() ? name : joinButton).requestFocus();
  }

  /**
   * Takes pasted text as an invite link: fills the form when it is one, says why not when it was
   * meant as one. False for any other text (a server address, a name), which pastes as usual.
   */
  boolean takeLink(String text) {
    Optional<InviteLink> link = InviteLink.parse(text);
    if (link.isPresent()) {
      fill(link.get());
      return true;
    }
    if (InviteLink.looksLikeOne(text)) {
      showError(messages.get(JoinForm.refusalKey(text)));
      return true;
    }
    return false;
  }

  /** Ctrl+V (Cmd+V) outside the text fields: the clipboard's link fills the form. */
  private void pasteLinkAnywhere(KeyEvent e) {
    if (!PASTE.match(e) || root.getScene().getFocusOwner() instanceof TextInputControl) {
      return;
    }
    e.consume();
    if (!takeLink(LinkPaste.clipboardText())) {
      showError(messages.get("invite.error.clipboard"));
    }
  }

  /** Validates the join form and joins, or shows what is wrong. */
  public void submitJoin() {
    JoinForm form = form();
    if (!form.problems().isEmpty()) {
      showError(String.join(" ", form.problems().stream().map(k -> messages.get(k)).toList()));
      return;
    }
    showError(null);
    actions.join(form);
  }

  private VBox hostCard() {
    VBox card = card("start.host", "start.host.text", MaterialDesignL.LAN_CONNECT);
    hostRoom.setId("host-room");
    hostRoom.promptTextProperty().bind(messages.bind("host.room.prompt"));
    GridPane form = new GridPane(8, 6);
    form.addRow(0, formLabel("host.room"), hostRoom);
    GridPane.setHgrow(hostRoom, Priority.ALWAYS);
    Button host = button("start.host.button", "host-button", MaterialDesignH.HOME_OUTLINE);
    host.setOnAction(e -> submitHost(host));
    // Enter in the room field hosts (without this the join card's default button would fire).
    hostRoom.setOnAction(e -> submitHost(host));
    hostButton = host;
    hostOpen.setId("host-open");
    hostOpen.textProperty().bind(messages.bind("host.open"));
    hostOpen.setWrapText(true);
    javafx.scene.control.Tooltip openTip = new javafx.scene.control.Tooltip();
    openTip.textProperty().bind(messages.bind("host.open.tooltip"));
    openTip.setWrapText(true);
    openTip.setMaxWidth(320);
    hostOpen.setTooltip(openTip);
    hostStatus.setWrapText(true);
    hostStatus.setId("host-status");
    card.getChildren().addAll(form, hostOpen, host, hostStatus);
    return card;
  }

  private void submitHost(Button host) {
    String room = hostRoom.getText() == null ? "" : hostRoom.getText().trim();
    // The same rule the relay applies to the handshake path (R1), so hosting cannot fail on it.
    if (!Require.isRoomName(room)) {
      showError(messages.get("host.error.room"));
      return;
    }
    showError(null);
    // One relay at a time: enabled again if starting fails.
    host.setDisable(true);
    actions.host(room, hostOpen.isSelected());
  }

  /**
   * Lists the boards announced on the local network (null: looking for them is not possible here).
   * Each joins with a click.
   */
  public void showNetworkBoards(List<NetworkBoard> boards) {
    networkBoards.getChildren().clear();
    if (boards == null || boards.isEmpty()) {
      Label none = label(boards == null ? "network.unavailable" : "network.none");
      none.setId("network-none");
      none.setWrapText(true);
      none.getStyleClass().add("card-text");
      networkBoards.getChildren().add(none);
      return;
    }
    for (NetworkBoard board : boards) {
      Hyperlink link = new Hyperlink();
      link.setId("network-board-" + board.room());
      link.setMnemonicParsing(false);
      String host = board.hostName().isBlank() ? board.address() : board.hostName();
      // Bound, so a language switch rewords the list; names from the network are plain text.
      link.textProperty()
          .bind(
              board.people() < 0
                  ? messages.bind("network.board.noCount", board.room(), host)
                  : messages.bind("network.board", board.room(), host, board.people()));
      link.setGraphic(Icons.of(MaterialDesignL.LAN_CONNECT));
      link.setOnAction(
          e -> {
            showError(null);
            actions.joinNetworkBoard(board);
          });
      networkBoards.getChildren().add(link);
    }
  }

  private VBox offlineCard() {
    VBox card = card("start.offline", "start.offline.text", MaterialDesignP.PENCIL_OUTLINE);
    Button offline = button("start.offline.button", "offline-button", MaterialDesignP.PLUS);
    offline.setOnAction(e -> actions.workOffline());
    Button open = button("menu.open", "open-button", MaterialDesignF.FOLDER_OPEN_OUTLINE);
    open.setOnAction(
        e -> {
          FileChooser chooser = new FileChooser();
          chooser.setTitle(messages.get("menu.open"));
          chooser
              .getExtensionFilters()
              .add(
                  new FileChooser.ExtensionFilter(
                      messages.get("file.kind.drawbridge"), "*.drawbridge"));
          java.io.File chosen = chooser.showOpenDialog(root.getScene().getWindow());
          if (chosen != null) {
            actions.openFile(chosen.toPath());
          }
        });
    card.getChildren().addAll(offline, open);
    return card;
  }

  /**
   * Lists the shared boards whose changes were never sent (from their offline journals); opening
   * one joins it, which sends them. An empty list hides the section.
   */
  public void showUnsent(List<UnsentBoards.Board> boards) {
    unsent.getChildren().clear();
    for (UnsentBoards.Board b : boards) {
      Hyperlink link = new Hyperlink();
      link.getStyleClass().add("unsent-board");
      link.textProperty()
          .bind(
              messages
                  .bind("start.unsent", b.changedElements())
                  .map(words -> b.room() + "  —  " + words));
      link.setGraphic(Icons.of(MaterialDesignC.CLOUD_UPLOAD_OUTLINE));
      link.setOnAction(e -> joinAddress(b.address()));
      unsent.getChildren().add(link);
    }
  }

  /** Fills the form from a room's address and joins it (a recent or an unsent board). */
  private void joinAddress(String address) {
    JoinForm form = new JoinForm(address, "", name.getText(), token.getText());
    server.setText(form.serverUrl());
    room.setText(form.room());
    submitJoin();
  }

  private void fillRecent(Settings settings) {
    recent.getChildren().clear();
    if (settings.recent().isEmpty()) {
      Label none = label("start.recent.none");
      none.getStyleClass().add("card-text");
      recent.getChildren().add(none);
      return;
    }
    for (Settings.RecentBoard r : settings.recent()) {
      Hyperlink link = new Hyperlink(r.label() + "  —  " + r.location());
      link.setGraphic(
          Icons.of(
              Settings.RecentBoard.FILE.equals(r.kind())
                  ? MaterialDesignF.FILE_DOCUMENT_OUTLINE
                  : MaterialDesignA.ACCOUNT_GROUP_OUTLINE));
      link.setOnAction(
          e -> {
            if (Settings.RecentBoard.FILE.equals(r.kind())) {
              actions.openFile(Path.of(r.location()));
            } else {
              joinAddress(r.location());
            }
          });
      recent.getChildren().add(link);
    }
  }

  private Label formLabel(String key) {
    Label l = label(key);
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

  private Label label(String key) {
    Label l = new Label();
    l.textProperty().bind(messages.bind(key));
    return l;
  }

  private Button button(String key, String id, org.kordamp.ikonli.Ikon icon) {
    Button b = new Button();
    b.textProperty().bind(messages.bind(key));
    b.setId(id);
    b.setGraphic(Icons.of(icon));
    b.setMaxWidth(Double.MAX_VALUE);
    return b;
  }

  /** For callers that want to react to the name the user typed. */
  public void onNameChanged(Consumer<String> listener) {
    name.textProperty().addListener((o, a, b) -> listener.accept(b));
  }
}
