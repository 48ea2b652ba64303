package dev.drawbridge.client.ui.app;

import dev.drawbridge.client.ui.start.StartView;
import dev.drawbridge.client.ui.start.UpdateBar;
import dev.drawbridge.client.update.ReleaseNotice;
import dev.drawbridge.client.update.UpdateCheck;
import dev.drawbridge.client.update.UpdatePreferences;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the daily update check once per start, off the UI thread, and keeps what it found for the
 * start screen (issue 20): shown there whenever it is showing, until the user downloads, skips that
 * version or closes the notice.
 */
final class UpdateNotices implements UpdateBar.Choices {
  private static final Logger LOG = LoggerFactory.getLogger(UpdateNotices.class);

  private final Path home;
  private final Consumer<String> browser;
  private ReleaseNotice pending;

  UpdateNotices(Path home, Consumer<String> browser) {
    this.home = home;
    this.browser = browser;
  }

  /** Checks in the background; {@code found} runs on the UI thread with a notice to show. */
  void checkInBackground(UpdateCheck check, Executor uiExecutor, Runnable found) {
    Thread thread =
        new Thread(
            () ->
                check
                    .runIfDue()
                    .ifPresent(
                        notice ->
                            uiExecutor.execute(
                                () -> {
                                  pending = notice;
                                  found.run();
                                })),
            "drawbridge-update-check");
    thread.setDaemon(true);
    thread.start();
  }

  /** Puts the notice on {@code view}, if there is one to show. */
  void showOn(StartView view) {
    if (pending != null && view != null) {
      view.showUpdate(pending, this);
    }
  }

  @Override
  public void download(ReleaseNotice notice) {
    browser.accept(notice.url().toString());
  }

  @Override
  public void skip(ReleaseNotice notice) {
    pending = null;
    Path file = UpdatePreferences.file(home);
    try {
      UpdatePreferences.load(file).skipping(notice.version()).save(file);
    } catch (IOException e) {
      LOG.warn("Could not remember to skip {}: {}", notice.version(), e.toString());
    }
  }

  @Override
  public void dismiss() {
    pending = null;
  }
}
