package dev.drawbridge.client.ui.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes what takes time to close (a hosted relay tells its clients 1001 and flushes its op log; a
 * network announcement says goodbye) off the UI thread. Not a daemon thread: closing the app must
 * still finish it.
 */
final class BackgroundClose {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundClose.class);

  private BackgroundClose() {}

  static void of(AutoCloseable closeable) {
    Thread closer =
        new Thread(
            () -> {
              try {
                closeable.close();
              } catch (Exception e) {
                LOG.warn("Closing {} failed", closeable, e);
              }
            },
            "drawbridge-background-close");
    closer.setDaemon(false);
    closer.start();
  }
}
