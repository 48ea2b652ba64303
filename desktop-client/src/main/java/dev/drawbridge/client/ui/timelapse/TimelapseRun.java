package dev.drawbridge.client.ui.timelapse;

import dev.drawbridge.client.timelapse.FrameRenderer;
import dev.drawbridge.client.timelapse.TimelapseExport;
import dev.drawbridge.client.ui.common.Messages;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One timelapse export on a background thread, with a small window that shows its progress and can
 * cancel it; the board stays usable meanwhile. The outcome goes to {@code done} on the JavaFX
 * thread.
 */
public final class TimelapseRun {
  /** How an export ended. */
  public enum Outcome {
    WRITTEN,
    CANCELLED,
    FAILED
  }

  private static final Logger LOG = LoggerFactory.getLogger(TimelapseRun.class);
  private final AtomicBoolean cancelled = new AtomicBoolean();

  private TimelapseRun() {}

  /** Starts writing {@code request} to {@code target}. */
  public static TimelapseRun start(
      Window owner,
      Messages messages,
      TimelapseExport.Request request,
      Path target,
      TimelapseExport.Sinks sinks,
      FrameRenderer renderer,
      Consumer<Outcome> done) {
    TimelapseRun run = new TimelapseRun();
    Label text = new Label(messages.get("timelapse.progress", 0, "…"));
    ProgressBar bar = new ProgressBar(0);
    bar.setPrefWidth(320);
    Button cancel = new Button(messages.get("timelapse.cancel"));
    cancel.setId("timelapse-cancel");
    VBox box = new VBox(10, text, bar, cancel);
    box.setPadding(new Insets(16));
    Stage window = new Stage(StageStyle.UTILITY);
    window.initOwner(owner);
    window.setTitle(messages.get("timelapse.title"));
    window.setScene(new Scene(box));
    cancel.setOnAction(e -> run.cancelled.set(true));
    window.setOnCloseRequest(e -> run.cancelled.set(true));
    window.show();
    Thread thread =
        new Thread(
            () -> {
              Outcome outcome;
              try {
                TimelapseExport.write(
                    request,
                    target,
                    sinks,
                    renderer,
                    (frames, total) ->
                        Platform.runLater(
                            () -> {
                              bar.setProgress((double) frames / total);
                              text.setText(messages.get("timelapse.progress", frames, total));
                            }),
                    run.cancelled::get);
                outcome = Outcome.WRITTEN;
              } catch (CancellationException e) {
                outcome = Outcome.CANCELLED;
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = Outcome.CANCELLED;
              } catch (Exception | OutOfMemoryError e) {
                LOG.warn("Timelapse export to {} failed", target, e);
                outcome = Outcome.FAILED;
              }
              Outcome result = outcome;
              Platform.runLater(
                  () -> {
                    window.close();
                    done.accept(result);
                  });
            },
            "drawbridge-timelapse");
    thread.setDaemon(true); // an export under way does not keep a closed app alive
    thread.start();
    return run;
  }

  /** Asks the export to stop before its next frame. */
  public void cancel() {
    cancelled.set(true);
  }
}
