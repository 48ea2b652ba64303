package dev.drawbridge.client.ui.app;

import dev.drawbridge.client.blob.BlobStore;
import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.client.sync.JoinRequest;
import dev.drawbridge.client.sync.SyncConfig;
import dev.drawbridge.client.sync.SyncSessions;
import dev.drawbridge.client.sync.Transport;
import dev.drawbridge.client.ui.settings.Settings;
import dev.drawbridge.client.ui.start.JoinForm;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Opens shared boards through the sync layer: journaled on disk, connected in the background. */
public final class NetworkSessionOpener implements SessionOpener {
  private final Path dataDir;
  private final Executor uiExecutor;
  private final Supplier<Transport> transports;

  /**
   * @param dataDir the app's data directory (each board gets its own folder under it)
   * @param uiExecutor where the session calls the UI ({@code Platform::runLater})
   * @param transports a new transport for each board opened (a transport serves one session)
   */
  public NetworkSessionOpener(Path dataDir, Executor uiExecutor, Supplier<Transport> transports) {
    this.dataDir = dataDir;
    this.uiExecutor = uiExecutor;
    this.transports = transports;
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
    // The app-wide picture store: every board of this home shares it (R108, one copy a picture).
    return SyncSessions.open(
        request,
        dataDir,
        BlobStore.in(dataDir),
        uiExecutor,
        SyncConfig.defaults(),
        transports.get());
  }
}
