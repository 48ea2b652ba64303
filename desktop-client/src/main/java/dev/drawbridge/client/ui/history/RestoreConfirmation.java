package dev.drawbridge.client.ui.history;

import dev.drawbridge.client.ui.common.Messages;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The question before a restore: a dialog that says how many elements change. */
public final class RestoreConfirmation {
  private RestoreConfirmation() {}

  /**
   * Asks with a modal {@link Alert} over {@code owner} (null: no owner); Cancel is the default
   * answer to Escape and closing the window.
   */
  public static BoardPastActions.Confirmation alert(Messages messages, Supplier<Window> owner) {
    return changed -> {
      ButtonType restore =
          new ButtonType(messages.get("history.restore.ok"), ButtonBar.ButtonData.OK_DONE);
      ButtonType cancel =
          new ButtonType(messages.get("history.restore.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
      Alert alert =
          new Alert(
              Alert.AlertType.CONFIRMATION,
              messages.get("history.restore.confirm", changed),
              restore,
              cancel);
      alert.setTitle(messages.get("history.restore.title"));
      alert.setHeaderText(messages.get("history.restore.title"));
      Window window = owner.get();
      if (window != null) {
        alert.initOwner(window);
      }
      return alert.showAndWait().filter(restore::equals).isPresent();
    };
  }
}
