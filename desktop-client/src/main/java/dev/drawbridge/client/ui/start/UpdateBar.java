package dev.drawbridge.client.ui.start;

import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.client.update.ReleaseNotice;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * "Drawbridge 1.3.0 is available" at the top of the start screen (issue 20): Download opens the
 * release page in the browser, "Skip this version" stops the notice for that version, the close
 * button hides it until the next start. Notify only: nothing is downloaded by the app.
 */
public final class UpdateBar {
  static final String ID = "update-bar";

  /** What the bar's buttons do; skipping or dismissing also removes the bar. */
  public interface Choices {
    void download(ReleaseNotice notice);

    void skip(ReleaseNotice notice);

    void dismiss();
  }

  private UpdateBar() {}

  static HBox of(Messages messages, ReleaseNotice notice, Choices choices) {
    Label text = new Label(messages.get("update.available", notice.version()));
    text.setWrapText(true);
    Button download = new Button(messages.get("update.download"));
    download.setId("update-download");
    download.getStyleClass().add("accent");
    download.setOnAction(e -> choices.download(notice));
    Button skip = new Button(messages.get("update.skip"));
    skip.setId("update-skip");
    HBox bar = new HBox(10);
    skip.setOnAction(
        e -> {
          remove(bar);
          choices.skip(notice);
        });
    Button close = new Button("×");
    close.setId("update-dismiss");
    close.setAccessibleText(messages.get("update.dismiss"));
    close.setOnAction(
        e -> {
          remove(bar);
          choices.dismiss();
        });
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    bar.getChildren().addAll(text, gap, download, skip, close);
    bar.setId(ID);
    bar.getStyleClass().add("update-bar");
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setMaxWidth(760);
    return bar;
  }

  private static void remove(HBox bar) {
    if (bar.getParent() instanceof javafx.scene.layout.Pane parent) {
      parent.getChildren().remove(bar);
    }
  }
}
