package dev.drawbridge.client.ui;

import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.client.sync.JoinRequest;
import dev.drawbridge.client.sync.SyncSessions;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Executor;

/** Opens shared boards through the sync layer: journaled on disk, connected in the background. */
public final class NetworkSessionOpener implements SessionOpener {
  private final Path dataDir;
  private final Executor uiExecutor;

  /**
   * @param dataDir the app's data directory (each board gets its own folder under it)
   * @param uiExecutor where the session calls the UI ({@code Platform::runLater})
   */
  public NetworkSessionOpener(Path dataDir, Executor uiExecutor) {
    this.dataDir = dataDir;
    this.uiExecutor = uiExecutor;
  }

  @Override
  public BoardSession open(JoinForm form, Settings settings) {
    URI server = form.server();
    if (server == null) {
      throw new IllegalArgumentException(form.serverUrl());
    }
    JoinRequest request =
        new JoinRequest(
            server.toString(),
            form.room(),
            form.name(),
            settings.color(),
            form.token().isBlank() ? null : form.token());
    return SyncSessions.open(request, dataDir, uiExecutor);
  }
}
