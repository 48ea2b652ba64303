package dev.drawbridge.client.sync.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 that misbehaves on request: drops connections, delays bytes, and
 * black-holes connections (keeps them open but delivers nothing, like a dead NAT entry). A
 * black-holed link never recovers (its byte stream is broken); new links work once {@link
 * #blackHoleAll} is lifted.
 */
final class FaultyProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final Random random;
  private final List<Link> links = new CopyOnWriteArrayList<>();
  private final Thread acceptor;
  private volatile boolean blackHoleAll;
  private volatile int maxDelayMillis;
  private volatile boolean closed;
  final AtomicInteger accepted = new AtomicInteger();
  final AtomicInteger faults = new AtomicInteger();

  FaultyProxy(int targetPort, long seed) throws IOException {
    this.targetPort = targetPort;
    this.random = new Random(seed);
    this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    this.acceptor = Thread.ofPlatform().daemon().name("proxy-accept").start(this::acceptLoop);
  }

  int port() {
    return server.getLocalPort();
  }

  String url() {
    return "ws://127.0.0.1:" + port();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = server.accept();
        accepted.incrementAndGet();
        client.setTcpNoDelay(true);
        Socket upstream = new Socket();
        try {
          upstream.connect(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5000);
          upstream.setTcpNoDelay(true);
        } catch (IOException e) {
          client.close();
          continue;
        }
        Link link = new Link(client, upstream);
        link.blackHoled = blackHoleAll;
        links.add(link);
        link.start();
      } catch (IOException e) {
        if (!closed) {
          continue;
        }
      }
    }
  }

  /** While on, every existing and new link delivers nothing. */
  void blackHoleAll(boolean on) {
    blackHoleAll = on;
    if (on) {
      links.forEach(l -> l.blackHoled = true);
    } else {
      // The dead paths are forgotten: both ends finally see their connection close.
      links.stream().filter(l -> l.blackHoled).forEach(Link::close);
    }
  }

  /** Each chunk waits up to this long before it is forwarded (order is kept). */
  void maxDelay(int millis) {
    maxDelayMillis = millis;
  }

  void dropAll() {
    links.forEach(Link::close);
  }

  /** One random fault on one random live link. */
  void randomFault() {
    List<Link> live = links.stream().filter(l -> !l.closed && !l.blackHoled).toList();
    int roll;
    synchronized (random) {
      roll = random.nextInt(100);
    }
    faults.incrementAndGet();
    if (roll < 15) {
      maxDelay(maxDelayMillis == 0 ? 40 : 0);
      return;
    }
    if (roll < 20) {
      dropAll();
      return;
    }
    if (live.isEmpty()) {
      return;
    }
    Link victim;
    synchronized (random) {
      victim = live.get(random.nextInt(live.size()));
    }
    if (roll < 70) {
      victim.close();
    } else {
      victim.blackHoled = true;
      // A dead NAT entry is forgotten eventually; the client must have left long before.
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  Thread.sleep(5000);
                } catch (InterruptedException e) {
                  return;
                }
                victim.close();
              });
    }
  }

  int liveLinks() {
    links.removeIf(l -> l.closed);
    return links.size();
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    dropAll();
  }

  private final class Link {
    final Socket client;
    final Socket upstream;
    volatile boolean blackHoled;
    volatile boolean closed;

    Link(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    void start() {
      Thread.ofVirtual().start(() -> pump(client, upstream));
      Thread.ofVirtual().start(() -> pump(upstream, client));
    }

    private void pump(Socket from, Socket to) {
      byte[] buffer = new byte[16 * 1024];
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (blackHoled) {
            continue; // swallowed: nothing arrives, nothing closes
          }
          int delay = maxDelayMillis;
          if (delay > 0) {
            int wait;
            synchronized (random) {
              wait = random.nextInt(delay + 1);
            }
            Thread.sleep(wait);
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // the link is over
      } finally {
        if (!blackHoled) {
          close();
        }
      }
    }

    void close() {
      closed = true;
      try {
        client.close();
      } catch (IOException e) {
        // already closed
      }
      try {
        upstream.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }
}
