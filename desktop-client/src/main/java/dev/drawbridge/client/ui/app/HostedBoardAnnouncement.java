package dev.drawbridge.client.ui.app;

import dev.drawbridge.client.host.HostedRelay;
import dev.drawbridge.client.host.discovery.Announcement;
import dev.drawbridge.client.host.discovery.BoardAnnouncer;
import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.client.sync.SessionListener;
import dev.drawbridge.protocol.message.Peer;
import dev.drawbridge.relay.auth.Role;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open hosted board ("Anyone on this network can join") announced on the local network, with an
 * editor token for its room only (the relay keeps checking tokens, so the host's other, private
 * rooms stay closed), and the people count kept up to date. JmDNS calls block, so they run on one
 * thread of their own, in order; {@link #start} and {@link #stop} are called on the UI thread.
 */
final class HostedBoardAnnouncement {
  private static final Logger LOG = LoggerFactory.getLogger(HostedBoardAnnouncement.class);

  private ExecutorService announcing;
  private volatile BoardAnnouncer announcer;
  private SessionListener peopleCounter;
  private BoardSession announcedSession;

  /** Announces {@code room} of {@code relay}; {@code failed} runs when it cannot. */
  void start(
      HostedRelay relay,
      String room,
      String lanHost,
      BoardSession shared,
      String hostName,
      Runnable failed) {
    stop();
    ExecutorService exec =
        Executors.newSingleThreadExecutor(
            r -> {
              // Not a daemon: the goodbye queued when the app closes must still go out.
              Thread t = new Thread(r, "drawbridge-announce");
              t.setDaemon(false);
              return t;
            });
    announcing = exec;
    AtomicInteger people = new AtomicInteger(1);
    exec.execute(
        () -> {
          try {
            announcer =
                BoardAnnouncer.start(
                    InetAddress.getByName(lanHost),
                    new Announcement(
                        room,
                        hostName,
                        people.get(),
                        relay.port(),
                        editorToken(relay, lanHost, room)));
          } catch (IOException | RuntimeException e) {
            LOG.warn("Could not announce the board on the network", e);
            failed.run();
          }
        });
    peopleCounter =
        new SessionListener() {
          @Override
          public void peersChanged(Collection<Peer> peers) {
            if (announcing != exec) {
              return;
            }
            people.set(
                1
                    + (int)
                        peers.stream()
                            .filter(p -> !p.clientId().equals(shared.clientId()))
                            .count());
            exec.execute(() -> update(people.get(), editorToken(relay, lanHost, room)));
          }
        };
    shared.addListener(peopleCounter);
    announcedSession = shared;
  }

  private static String editorToken(HostedRelay relay, String lanHost, String room) {
    return relay.invite(lanHost, room, Role.EDITOR).token();
  }

  /** On the announcing thread. Updates re-register the service (seconds): only the latest count. */
  private void update(int people, String token) {
    BoardAnnouncer a = announcer;
    if (a == null || a.current().people() == people) {
      return;
    }
    try {
      a.update(a.current().with(people, token));
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not update the board's announcement", e);
    }
  }

  /** Stops announcing: the goodbye goes out on the announcing thread, which then ends. */
  void stop() {
    if (peopleCounter != null && announcedSession != null) {
      announcedSession.removeListener(peopleCounter);
    }
    peopleCounter = null;
    announcedSession = null;
    ExecutorService exec = announcing;
    announcing = null;
    if (exec != null) {
      exec.execute(
          () -> {
            BoardAnnouncer a = announcer;
            if (a != null) {
              a.close();
              announcer = null;
            }
          });
      exec.shutdown();
    }
  }

  /** The board announced now, or null (read from any thread). */
  Announcement current() {
    BoardAnnouncer a = announcer;
    return a == null ? null : a.current();
  }
}
