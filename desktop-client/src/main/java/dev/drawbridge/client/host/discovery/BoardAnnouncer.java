package dev.drawbridge.client.host.discovery;

import java.io.IOException;
import java.net.InetAddress;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces one open board on the local network until closed. Starting and closing block (mDNS
 * probes for name conflicts and says goodbye): call them off the UI thread.
 */
public final class BoardAnnouncer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BoardAnnouncer.class);

  private final JmDNS jmdns;
  private ServiceInfo info;
  private volatile Announcement current;

  private BoardAnnouncer(JmDNS jmdns, ServiceInfo info, Announcement current) {
    this.jmdns = jmdns;
    this.info = info;
    this.current = current;
  }

  /** Starts announcing {@code board} on the interface with address {@code on}. */
  public static BoardAnnouncer start(InetAddress on, Announcement board) throws IOException {
    JmDNS jmdns = JmDNS.create(on, "drawbridge-" + board.room());
    try {
      ServiceInfo info = serviceInfo(board);
      jmdns.registerService(info);
      LOG.info("Announcing board {} on {} port {}", board.room(), on, board.port());
      return new BoardAnnouncer(jmdns, info, board);
    } catch (IOException | RuntimeException e) {
      jmdns.close();
      throw e;
    }
  }

  /** What is announced now. */
  public Announcement current() {
    return current;
  }

  private static ServiceInfo serviceInfo(Announcement board) {
    // The room is random and unique: as the instance name it rarely needs renaming.
    return ServiceInfo.create(
        NetworkBoard.SERVICE_TYPE, board.room(), board.port(), 0, 0, NetworkBoard.txt(board));
  }

  /**
   * Announces a new people count and token for the same board. JmDNS's {@code setText} does not
   * reach browsers that already resolved the service (measured with 3.6.1), so the service is
   * registered again: browsers see it leave and come back with the new record. Blocks.
   */
  public synchronized void update(Announcement board) throws IOException {
    if (board.equals(current)) {
      return;
    }
    current = board;
    jmdns.unregisterService(info);
    info = serviceInfo(board);
    jmdns.registerService(info);
  }

  /** Says goodbye (browsers drop the board) and stops. */
  @Override
  public synchronized void close() {
    try {
      jmdns.unregisterAllServices();
      jmdns.close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Stopping the board announcement failed", e);
    }
  }
}
