package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.history.BoardHistory;
import dev.drawbridge.client.io.ExportArea;
import dev.drawbridge.client.timelapse.GifFrames;
import dev.drawbridge.client.timelapse.Mp4Frames;
import dev.drawbridge.client.timelapse.TimelapseExport;
import dev.drawbridge.client.ui.canvas.BoardCanvas;
import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.client.ui.timelapse.FxFrameRenderer;
import dev.drawbridge.client.ui.timelapse.TimelapseDialog;
import dev.drawbridge.client.ui.timelapse.TimelapseRun;
import java.nio.file.Path;
import javafx.stage.FileChooser;

/**
 * "Export timelapse…": asks what to export and where, loads the board's history (the relay's pages
 * or a local board's record) and runs the export in the background; the outcome goes to the toast.
 */
final class TimelapseAction {
  /** GIF frames per second: 10 gives GIF's hundredth-second delays exactly. */
  static final int GIF_FPS = 10;

  static final int MP4_FPS = 25;

  /** The longest side of a frame: GIFs stay small enough to share, videos sharper. */
  static final int GIF_MAX_SIDE = 800;

  static final int MP4_MAX_SIDE = 1280;

  private final BoardFiles files;
  private final BoardViewModel vm;
  private final BoardCanvas canvas;
  private final BoardHistory history;
  private final Messages messages;
  private final BoardFiles.Toast toast;
  private TimelapseRun running;

  TimelapseAction(
      BoardFiles files,
      BoardViewModel vm,
      BoardCanvas canvas,
      BoardHistory history,
      Messages messages,
      BoardFiles.Toast toast) {
    this.files = files;
    this.vm = vm;
    this.canvas = canvas;
    this.history = history;
    this.messages = messages;
    this.toast = toast;
  }

  void choose() {
    if (running != null) {
      return; // one export at a time; its window is showing
    }
    TimelapseDialog.show(files.window(), messages, !vm.selection().isEmpty())
        .ifPresent(this::chooseFile);
  }

  private void chooseFile(TimelapseDialog.Choice choice) {
    FileChooser chooser = files.fileChooser("menu.exportTimelapse", choice.format());
    chooser.setInitialFileName(BoardFiles.safeName(files.title()) + "." + choice.format());
    java.io.File chosen = chooser.showSaveDialog(files.window());
    if (chosen == null) {
      return;
    }
    Rect region =
        switch (choice.scope()) {
          case WHOLE -> null;
          case VIEW -> canvas.visibleArea();
          case SELECTION -> ExportArea.of(files.exportedElements(true));
        };
    Path target = chosen.toPath();
    history
        .load()
        .whenComplete(
            (timeline, error) -> {
              if (error != null) {
                toast.show(messages.get("timelapse.failed", target.getFileName()), true);
                return;
              }
              if (timeline.size() == 0) {
                toast.show(messages.get("timelapse.noHistory"), true);
                return;
              }
              boolean gif = choice.format().equals("gif");
              TimelapseExport.Request request =
                  TimelapseExport.Request.of(
                      timeline,
                      region,
                      choice.seconds(),
                      gif ? GIF_FPS : MP4_FPS,
                      gif ? GIF_MAX_SIDE : MP4_MAX_SIDE);
              running =
                  TimelapseRun.start(
                      files.window(),
                      messages,
                      request,
                      target,
                      gif
                          ? (p, w, h, fps) -> new GifFrames(p)
                          : (p, w, h, fps) -> new Mp4Frames(p, fps),
                      new FxFrameRenderer(canvas.pictures().now()),
                      outcome -> finished(outcome, target));
            });
  }

  private void finished(TimelapseRun.Outcome outcome, Path target) {
    running = null;
    switch (outcome) {
      case WRITTEN -> toast.show(messages.get("timelapse.done", target.getFileName()), false);
      case CANCELLED -> toast.show(messages.get("timelapse.cancelled"), false);
      case FAILED -> toast.show(messages.get("timelapse.failed", target.getFileName()), true);
    }
  }

  /** Stops an export under way (the board is being left). */
  void cancel() {
    if (running != null) {
      running.cancel();
    }
  }
}
