package dev.drawbridge.relay.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.Cursor;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.message.TextDraft;
import dev.drawbridge.protocol.message.ViewCentre;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import dev.drawbridge.relay.auth.Role;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Views, presenting, laser trails and drafts in presence (R88–R94) over real sockets: forwarded
 * whole to the others, limited like presence, and never stored.
 */
class LivePresenceTest {
  @TempDir Path dir;
  RelayFixture fx;

  @BeforeEach
  void start() throws Exception {
    fx = new RelayFixture(dir);
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private static Points laserRun(int n, float from) {
    float[] coords = new float[2 * n];
    for (int i = 0; i < coords.length; i++) {
      coords[i] = from + i;
    }
    return Points.of(coords);
  }

  @Test
  void r94_everyFieldIsForwardedToTheOthersAsSent() throws Exception {
    TestPeer a = fx.peer("live1");
    TestPeer b = fx.peer("live1", Role.VIEWER);
    a.joinAndSync(0);
    b.joinAndSync(0);
    a.nextOf(ServerMessage.Joined.class);
    ClientMessage.Presence sent =
        new ClientMessage.Presence(
            new Cursor(1, 2),
            List.of("e1"),
            new ViewCentre(-500, 250, 2.5),
            true,
            laserRun(3, 10),
            new TextDraft(null, 4, 5, 20, "typing…"));
    a.send(sent);
    assertThat(b.next(ServerMessage.PresenceBroadcast.class))
        .isEqualTo(ServerMessage.PresenceBroadcast.of(a.clientId, sent));
    // A viewer may point and present too (R16: viewers still send presence).
    ClientMessage.Presence fromViewer =
        new ClientMessage.Presence(null, List.of(), null, null, laserRun(2, 0), null);
    b.send(fromViewer);
    assertThat(a.next(ServerMessage.PresenceBroadcast.class))
        .isEqualTo(ServerMessage.PresenceBroadcast.of(b.clientId, fromViewer));
  }

  @Test
  void r90_aLaserFloodIsDroppedLikePresenceAndNeverStored() throws Exception {
    TestPeer a = fx.peer("live2");
    TestPeer b = fx.peer("live2");
    a.joinAndSync(0);
    b.joinAndSync(0);
    a.nextOf(ServerMessage.Joined.class);
    // 500 full laser runs at once, far above ~30 presences a second.
    for (int i = 0; i < 500; i++) {
      a.send(
          new ClientMessage.Presence(
              new Cursor(i, i),
              List.of(),
              new ViewCentre(i, i, 1),
              i % 2 == 0,
              laserRun(ProtocolLimits.MAX_LASER_POINTS, i),
              null));
    }
    a.send(new ClientMessage.Ping(7));
    assertThat(a.next()).isEqualTo(new ServerMessage.Pong(7));
    a.submitStroke("marker", "m");
    int relayed = 0;
    int points = 0;
    ServerMessage m = b.next();
    while (m instanceof ServerMessage.PresenceBroadcast p) {
      relayed++;
      points += p.laser() == null ? 0 : p.laser().size();
      m = b.next();
    }
    assertThat(m).isInstanceOf(ServerMessage.OpBroadcast.class);
    assertThat(((ServerMessage.OpBroadcast) m).seq())
        .as("no laser point became an op")
        .isEqualTo(1);
    assertThat(relayed).isBetween(1, 100);
    assertThat(points).isLessThanOrEqualTo(100 * ProtocolLimits.MAX_LASER_POINTS);
    assertThat(a.closed).isNotDone();

    // Nothing of it is in the room: a newcomer catches up with the one op only.
    TestPeer c = fx.peer("live2");
    List<ServerMessage.OpBroadcast> ops = c.joinAndSync(0);
    assertThat(ops).extracting(ServerMessage.OpBroadcast::id).containsExactly("marker");
  }
}
