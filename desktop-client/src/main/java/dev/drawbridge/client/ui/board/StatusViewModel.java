package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.sync.ConnectionState;
import dev.drawbridge.client.ui.common.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The status bar's words: the connection state in plain language, with how long until the next
 * reconnect and how many changes wait to sync. {@link #tick()} refreshes the countdown.
 */
public final class StatusViewModel {
  /** Which icon the status bar shows. */
  public enum Level {
    CONNECTED,
    WORKING,
    OFFLINE,
    FAILED
  }

  private final Messages messages;
  private final Supplier<Instant> clock;
  private final ObjectProperty<ConnectionState> state =
      new SimpleObjectProperty<>(new ConnectionState.Offline());
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Level> level = new ReadOnlyObjectWrapper<>(Level.OFFLINE);
  private final javafx.beans.property.ReadOnlyBooleanWrapper canReconnect =
      new javafx.beans.property.ReadOnlyBooleanWrapper(false);
  private final javafx.beans.property.ReadOnlyBooleanWrapper canGoOffline =
      new javafx.beans.property.ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
  private boolean viewOnly;
  private int pending;
  private boolean shared;

  public StatusViewModel(Messages messages, Supplier<Instant> clock, boolean shared) {
    this.messages = messages;
    this.clock = clock;
    this.shared = shared;
    state.addListener((o, a, b) -> refresh());
    messages.localeProperty().addListener((o, a, b) -> refresh());
    refresh();
  }

  public ObjectProperty<ConnectionState> stateProperty() {
    return state;
  }

  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  /**
   * What stopped the connection, in plain words, while it waits for the user (a failed state):
   * shown with Retry and Back over the board. Empty otherwise.
   */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Level> levelProperty() {
    return level.getReadOnlyProperty();
  }

  /** True while a shared board waits to reconnect (or was taken offline): "Reconnect now" helps. */
  public javafx.beans.property.ReadOnlyBooleanProperty canReconnectProperty() {
    return canReconnect.getReadOnlyProperty();
  }

  /** True while a shared board is connected or connecting: "Work offline" is offered. */
  public javafx.beans.property.ReadOnlyBooleanProperty canGoOfflineProperty() {
    return canGoOffline.getReadOnlyProperty();
  }

  /** The relay lets this user only look (a viewer's token). */
  public void setViewOnly(boolean only) {
    viewOnly = only;
    refresh();
  }

  public void setPending(int count) {
    pending = count;
    refresh();
  }

  public void tick() {
    refresh();
  }

  private void refresh() {
    ConnectionState s = state.get();
    String words =
        switch (s) {
          case ConnectionState.Connecting c -> messages.get("status.connecting");
          case ConnectionState.Syncing c -> messages.get("status.syncing");
          case ConnectionState.Synced c -> messages.get("status.connected");
          case ConnectionState.Reconnecting r -> {
            long seconds =
                Math.max(0, (Duration.between(clock.get(), r.nextTryAt()).toMillis() + 999) / 1000);
            yield seconds == 0
                ? messages.get("status.reconnectingNow")
                : messages.get("status.reconnecting", seconds);
          }
          case ConnectionState.Offline o ->
              shared ? messages.get("status.offline") : messages.get("status.local");
          case ConnectionState.Failed f -> failure(f);
        };
    if (pending > 0 && !(s instanceof ConnectionState.Synced && pending < 3)) {
      words = words + " — " + messages.get("status.pending", pending);
    }
    if (viewOnly) {
      words = words + " — " + messages.get("status.viewOnly");
    }
    text.set(words);
    problem.set(s instanceof ConnectionState.Failed f && shared ? failure(f) : "");
    canGoOffline.set(
        shared
            && !(s instanceof ConnectionState.Offline)
            && !(s instanceof ConnectionState.Failed));
    canReconnect.set(
        shared
            && (s instanceof ConnectionState.Reconnecting
                || s instanceof ConnectionState.Offline
                || s instanceof ConnectionState.Failed f && f.kind().reconnectHelps()));
    level.set(
        switch (s) {
          case ConnectionState.Synced c -> Level.CONNECTED;
          case ConnectionState.Connecting c -> Level.WORKING;
          case ConnectionState.Syncing c -> Level.WORKING;
          case ConnectionState.Reconnecting r -> Level.WORKING;
          case ConnectionState.Offline o -> Level.OFFLINE;
          case ConnectionState.Failed f -> Level.FAILED;
        });
  }

  private String failure(ConnectionState.Failed f) {
    return switch (f.kind()) {
      case UNAUTHORIZED -> messages.get("status.failed.unauthorized");
      case FORBIDDEN -> messages.get("status.failed.forbidden");
      case VERSION -> messages.get("status.failed.version");
      case BAD_ADDRESS -> messages.get("status.failed.address");
      case REPLACED -> messages.get("status.failed.replaced");
      case CLIENT_ID_TAKEN -> messages.get("status.failed.idTaken");
      case NO_ANSWER -> messages.get("status.failed.noAnswer");
      case NOT_A_RELAY -> messages.get("status.failed.notRelay");
      case NOT_TLS -> messages.get("status.failed.notTls");
      case NEEDS_TLS -> messages.get("status.failed.needsTls");
      case UNTRUSTED_CERTIFICATE -> messages.get("status.failed.certificate");
      case INVITATION_NEEDED -> messages.get("status.failed.invitation");
      case ROOM_FULL -> messages.get("status.failed.roomFull");
      case HOST_ENDED -> messages.get("status.failed.hostEnded");
      case OTHER ->
          messages.get(
              "status.failed.other", f.reason() == null || f.reason().isBlank() ? "?" : f.reason());
    };
  }
}
