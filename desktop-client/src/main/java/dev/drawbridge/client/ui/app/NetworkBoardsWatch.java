package dev.drawbridge.client.ui.app;

import dev.drawbridge.client.host.LanAddress;
import dev.drawbridge.client.host.discovery.BoardBrowser;
import dev.drawbridge.client.host.discovery.NetworkBoard;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Boards on your network" while a start screen shows: a {@link BoardBrowser} started off the UI
 * thread (JmDNS blocks), whose lists reach the screen on the UI executor. Each start and stop is a
 * generation: a browser that finishes starting after its screen left is closed, and lists meant for
 * an earlier screen are dropped. Touched on the UI thread only.
 */
final class NetworkBoardsWatch {
  private static final Logger LOG = LoggerFactory.getLogger(NetworkBoardsWatch.class);

  private final Executor uiExecutor;
  private int generation;
  private BoardBrowser browser;
  private Consumer<List<NetworkBoard>> show;

  NetworkBoardsWatch(Executor uiExecutor) {
    this.uiExecutor = uiExecutor;
  }

  /** The current start screen's generation: work begun for an earlier one checks it and stops. */
  int generation() {
    return generation;
  }

  /**
   * Starts looking for boards; {@code show} hears every list, or null when discovery is not
   * available on this machine (no LAN address, no multicast).
   */
  void start(Consumer<List<NetworkBoard>> show) {
    int started = ++generation;
    this.show = show;
    if (browser != null) {
      show.accept(browser.boards());
      return;
    }
    Thread starter = new Thread(() -> startBrowser(started), "drawbridge-browse-start");
    starter.setDaemon(true);
    starter.start();
  }

  /** Hands {@code boards} to the screen showing now, if any (UI thread). */
  private void showNow(List<NetworkBoard> boards) {
    if (show != null) {
      show.accept(boards);
    }
  }

  private void startBrowser(int started) {
    String lan = LanAddress.find();
    if ("localhost".equals(lan)) {
      uiExecutor.execute(() -> unavailable(started));
      return;
    }
    try {
      BoardBrowser opened =
          BoardBrowser.start(
              InetAddress.getByName(lan), boards -> uiExecutor.execute(() -> showNow(boards)));
      uiExecutor.execute(
          () -> {
            if (started == generation && browser == null) {
              browser = opened;
              showNow(opened.boards());
            } else {
              BackgroundClose.of(opened);
            }
          });
    } catch (IOException | RuntimeException e) {
      LOG.info("Cannot look for boards on the network: {}", e.toString());
      uiExecutor.execute(() -> unavailable(started));
    }
  }

  private void unavailable(int started) {
    if (started == generation) {
      showNow(null);
    }
  }

  /** The start screen left: lists stop, and the browser says goodbye in the background. */
  void stop() {
    generation++;
    show = null;
    if (browser != null) {
      BackgroundClose.of(browser);
      browser = null;
    }
  }
}
