package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.ui.common.Icons;
import dev.drawbridge.client.ui.common.Messages;
import javafx.beans.binding.StringExpression;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/** The bar under the board: connection state in words and an icon, the room, the zoom. */
final class StatusBar {
  private StatusBar() {}

  static HBox build(
      StatusViewModel status,
      javafx.beans.value.ObservableStringValue title,
      Messages messages,
      StringExpression percent,
      Runnable reconnectNow,
      Runnable goOffline) {
    HBox bar = new HBox(10);
    bar.getStyleClass().add("status-bar");
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 12, 4, 12));
    FontIcon icon = Icons.of(MaterialDesignC.CLOUD_OFF_OUTLINE);
    icon.setId("status-icon");
    icon.setIconSize(16);
    status.levelProperty().addListener((o, a, b) -> showLevel(icon, b));
    showLevel(icon, status.levelProperty().get());
    Label text = new Label();
    text.setId("status-text");
    text.textProperty().bind(status.textProperty());
    Hyperlink reconnect = new Hyperlink();
    reconnect.setId("reconnect-now");
    reconnect.textProperty().bind(messages.bind("status.reconnectNow"));
    reconnect.visibleProperty().bind(status.canReconnectProperty());
    reconnect.managedProperty().bind(status.canReconnectProperty());
    reconnect.setFocusTraversable(false);
    reconnect.setOnAction(e -> reconnectNow.run());
    Hyperlink offline = new Hyperlink();
    offline.setId("go-offline");
    offline.textProperty().bind(messages.bind("status.goOffline"));
    offline.visibleProperty().bind(status.canGoOfflineProperty());
    offline.managedProperty().bind(status.canGoOfflineProperty());
    offline.setFocusTraversable(false);
    offline.setOnAction(e -> goOffline.run());
    Label room = new Label();
    room.textProperty().bind(title);
    room.setId("status-room");
    room.getStyleClass().add("status-room");
    room.setGraphic(Icons.of(MaterialDesignF.FILE_DOCUMENT_OUTLINE));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Label zoomLabel = new Label();
    zoomLabel.setId("status-zoom");
    zoomLabel.textProperty().bind(messages.bind("status.zoom").concat(" ").concat(percent));
    bar.getChildren()
        .addAll(
            icon,
            text,
            reconnect,
            offline,
            new Separator(Orientation.VERTICAL),
            room,
            spacer,
            zoomLabel);
    return bar;
  }

  private static void showLevel(FontIcon icon, StatusViewModel.Level level) {
    icon.setIconCode(iconFor(level));
    icon.getStyleClass().removeIf(c -> c.startsWith("status-level-"));
    icon.getStyleClass().add("status-level-" + level.name().toLowerCase());
  }

  static org.kordamp.ikonli.Ikon iconFor(StatusViewModel.Level level) {
    return switch (level) {
      case CONNECTED -> MaterialDesignC.CLOUD_CHECK_OUTLINE;
      case WORKING -> MaterialDesignC.CLOUD_SYNC_OUTLINE;
      case OFFLINE -> MaterialDesignC.CLOUD_OFF_OUTLINE;
      case FAILED -> MaterialDesignA.ALERT_CIRCLE_OUTLINE;
    };
  }
}
