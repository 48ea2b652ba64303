package dev.drawbridge.client.host.discovery;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import javax.jmdns.ServiceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the boards announced on the local network, live. The listener is called on JmDNS's threads
 * with the whole list each time it changes; the caller hands it to the UI. A record that is not a
 * board this app can read is left out, and at most {@link #MAX_BOARDS} are kept, so a flood of
 * records cannot grow the list without bound.
 */
public final class BoardBrowser implements AutoCloseable {
  /** The most boards listed at once. */
  public static final int MAX_BOARDS = 50;

  private static final Logger LOG = LoggerFactory.getLogger(BoardBrowser.class);
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private final JmDNS jmdns;
  private final Consumer<List<NetworkBoard>> listener;
  private final Map<String, NetworkBoard> boards = new ConcurrentHashMap<>();
  private final ServiceListener serviceListener =
      new ServiceListener() {
        @Override
        public void serviceAdded(ServiceEvent event) {
          // Resolving asks for the SRV, TXT and address records; serviceResolved follows.
          guarded(() -> jmdns.requestServiceInfo(event.getType(), event.getName(), 1_000));
        }

        @Override
        public void serviceRemoved(ServiceEvent event) {
          guarded(
              () -> {
                if (boards.remove(event.getName()) != null) {
                  changed();
                }
              });
        }

        @Override
        public void serviceResolved(ServiceEvent event) {
          guarded(() -> resolved(event.getName(), event.getInfo()));
        }
      };

  private BoardBrowser(JmDNS jmdns, Consumer<List<NetworkBoard>> listener) {
    this.jmdns = jmdns;
    this.listener = listener;
  }

  /**
   * Starts browsing on the interface with address {@code on}. Blocks briefly: not on the UI thread.
   */
  public static BoardBrowser start(InetAddress on, Consumer<List<NetworkBoard>> listener)
      throws IOException {
    // A host name of its own: two apps on one computer must not make each other rename.
    JmDNS jmdns =
        JmDNS.create(on, "drawbridge-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36));
    BoardBrowser browser = new BoardBrowser(jmdns, listener);
    jmdns.addServiceListener(NetworkBoard.SERVICE_TYPE, browser.serviceListener);
    return browser;
  }

  /** The boards seen now, by room. */
  public List<NetworkBoard> boards() {
    List<NetworkBoard> list = new ArrayList<>(boards.values());
    list.sort(Comparator.comparing(NetworkBoard::room));
    return Collections.unmodifiableList(list);
  }

  private void resolved(String name, ServiceInfo info) {
    if (name == null || info == null || !info.hasData()) {
      return;
    }
    Map<String, String> txt = new HashMap<>();
    var names = info.getPropertyNames();
    int keys = 0;
    while (names.hasMoreElements() && keys++ < 64) {
      String key = names.nextElement();
      txt.put(key, info.getPropertyString(key));
    }
    List<String> addresses = new ArrayList<>();
    for (Inet4Address a : info.getInet4Addresses()) {
      addresses.add(a.getHostAddress());
    }
    if (txt.isEmpty()) {
      // Resolution reports the address before the TXT record: wait for the record.
      return;
    }
    var board = NetworkBoard.read(name, txt, addresses, info.getPort());
    if (board.isEmpty()) {
      LOG.debug("Ignoring the network record {}: not a board this app can join", name);
      if (boards.remove(name) != null) {
        changed();
      }
      return;
    }
    if (!boards.containsKey(name) && boards.size() >= MAX_BOARDS) {
      return;
    }
    if (!board.get().equals(boards.put(name, board.get()))) {
      changed();
    }
  }

  private void changed() {
    listener.accept(boards());
  }

  /** A record from the network must never take down JmDNS's thread or the app. */
  private static void guarded(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.warn("Ignoring a network record that could not be read", e);
    }
  }

  @Override
  public void close() {
    try {
      jmdns.removeServiceListener(NetworkBoard.SERVICE_TYPE, serviceListener);
      jmdns.close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Stopping the board browser failed", e);
    }
  }
}
