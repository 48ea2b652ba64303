package dev.drawbridge.relay.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.protocol.message.ServerMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may say hello as whom (R80–R85), over real sockets. */
class IdentityTest {
  private static final String KEY = "k-ana-3Jq9xVt2LmPz8RcW4yBn6Ds0FgHk1";
  private static final String OTHER_KEY = "k-mallory-7Tz1qWe5RtYu9IoP3AsDf2Gh";

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

  private TestPeer ana(String room) {
    TestPeer p = fx.peerAs(room, "client-ana");
    p.clientKey = KEY;
    return p;
  }

  /** Ana (keyed), then Ben, both synced, Ana told of Ben. */
  private static void bothIn(TestPeer ana, TestPeer ben) throws InterruptedException {
    ana.joinAndSync(0);
    ben.joinAndSync(0);
    ana.nextOf(ServerMessage.Joined.class);
  }

  @Test
  void r83_anotherInstallationCannotTakeAMembersIdAndNobodyHearsOfTheAttempt() throws Exception {
    TestPeer ana = ana("id1");
    TestPeer ben = fx.peer("id1");
    bothIn(ana, ben);

    List<TestPeer> attempts = new ArrayList<>();
    for (String key : new String[] {OTHER_KEY, null}) {
      TestPeer mallory = fx.peerAs("id1", "client-ana");
      mallory.clientKey = key;
      assertThat(mallory.open()).isTrue();
      mallory.hello(0);
      ServerMessage.Error error = mallory.next(ServerMessage.Error.class);
      assertThat(error.code()).isEqualTo("client_id_taken");
      assertThat(mallory.awaitClose().code()).isEqualTo(CloseCodes.CLIENT_ID_TAKEN);
      attempts.add(mallory);
    }

    // The victim is unaffected: still connected, its ops still its own, nobody saw joined or left.
    ana.submitStroke("ana-1", "el-ana-1");
    assertThat(ana.next()).isEqualTo(new ServerMessage.Ack("ana-1", 1, false));
    ServerMessage.OpBroadcast op = ben.next(ServerMessage.OpBroadcast.class);
    assertThat(op.clientId()).isEqualTo("client-ana");
    assertThat(op.id()).isEqualTo("ana-1");
    assertThat(ana.closed).isNotDone();
    assertThat(ben.received).isEmpty();
    assertThat(ana.received).isEmpty();
    for (TestPeer mallory : attempts) {
      assertThat(mallory.received).noneMatch(ServerMessage.Welcome.class::isInstance);
    }
  }

  /**
   * R80: the claim is in the op log, so a relay restart does not hand Ana's id to the first comer.
   */
  @Test
  void r80_anIdStaysClaimedAcrossARelayRestart() throws Exception {
    TestPeer ana = ana("id-restart");
    ana.joinAndSync(0);
    ana.close();
    fx.close();
    fx = new RelayFixture(dir);

    TestPeer mallory = fx.peerAs("id-restart", "client-ana");
    mallory.clientKey = OTHER_KEY;
    assertThat(mallory.open()).isTrue();
    mallory.hello(0);
    assertThat(mallory.next(ServerMessage.Error.class).code()).isEqualTo("client_id_taken");
    assertThat(mallory.awaitClose().code()).isEqualTo(CloseCodes.CLIENT_ID_TAKEN);
    assertThat(ana("id-restart").join(0).headSeq()).isZero();
  }

  @Test
  void r82_sameKeyReconnectReplacesAHalfOpenConnectionAndCatchesUp() throws Exception {
    TestPeer ana = ana("id2");
    TestPeer ben = fx.peer("id2");
    bothIn(ana, ben);
    ana.submitStroke("ana-1", "el-ana-1");
    ana.next(ServerMessage.Ack.class);
    ben.next(ServerMessage.OpBroadcast.class);
    // Ana's network drops; her old socket stays open on the relay's side. Ben draws meanwhile.
    ben.submitStroke("ben-1", "el-ben-1");
    ben.submitStroke("ben-2", "el-ben-2");
    ben.next(ServerMessage.Ack.class);
    ben.next(ServerMessage.Ack.class);

    TestPeer again = ana("id2");
    ServerMessage.Welcome welcome = again.join(1, "ana-1");
    assertThat(welcome.reset()).isFalse();
    assertThat(welcome.peers()).extracting(p -> p.clientId()).containsExactly(ben.clientId);
    assertThat(List.of(again.next(), again.next(), again.next()))
        .containsExactly(
            new ServerMessage.OpBroadcast(2, "ben-1", ben.clientId, TestPeer.stroke("el-ben-1")),
            new ServerMessage.OpBroadcast(3, "ben-2", ben.clientId, TestPeer.stroke("el-ben-2")),
            new ServerMessage.Synced(3, "ben-2"));

    TestPeer.Close old = ana.awaitClose();
    assertThat(old.code()).isEqualTo(CloseCodes.REPLACED);
    assertThat(old.reason()).isEqualTo("opened elsewhere");

    // One Ana throughout: Ben heard neither left nor joined, and her ops go on in her name.
    again.submitStroke("ana-2", "el-ana-2");
    assertThat(again.next()).isEqualTo(new ServerMessage.Ack("ana-2", 4, false));
    ServerMessage.OpBroadcast op = ben.next(ServerMessage.OpBroadcast.class);
    assertThat(op.clientId()).isEqualTo("client-ana");
    assertThat(ben.received).isEmpty();
    ben.submitStroke("ben-3", "el-ben-3");
    assertThat(again.next(ServerMessage.OpBroadcast.class).id()).isEqualTo("ben-3");
  }

  @Test
  void r85_clientsWithoutAKeyJoinAsBefore() throws Exception {
    TestPeer old = fx.peerAs("id3", "client-old");
    old.joinAndSync(0);
    TestPeer sameOld = fx.peerAs("id3", "client-old");
    sameOld.joinAndSync(0);
    old.submitStroke("old-1", "el-old-1");
    assertThat(old.next()).isEqualTo(new ServerMessage.Ack("old-1", 1, false));
    assertThat(sameOld.next(ServerMessage.OpBroadcast.class).clientId()).isEqualTo("client-old");
    assertThat(old.closed).isNotDone();
    assertThat(sameOld.closed).isNotDone();
  }

  @Test
  void r84_theKeyIsInNoFrameTheRelaySends() throws Exception {
    TestPeer ana = ana("id4");
    ana.joinAndSync(0);
    TestPeer ben = fx.peer("id4");
    ben.joinAndSync(0);
    ana.submitStroke("ana-1", "el-ana-1");
    ben.next(ServerMessage.OpBroadcast.class);
    TestPeer again = ana("id4");
    again.joinAndSync(0);
    ana.awaitClose();
    TestPeer mallory = fx.peerAs("id4", "client-ana");
    mallory.clientKey = OTHER_KEY;
    assertThat(mallory.open()).isTrue();
    mallory.hello(0);
    assertThat(mallory.awaitClose().code()).isEqualTo(CloseCodes.CLIENT_ID_TAKEN);
    again.submitStroke("ana-2", "el-ana-2");
    ben.next(ServerMessage.OpBroadcast.class);
    for (TestPeer p : List.of(ana, ben, again, mallory)) {
      assertThat(p.frames).isNotEmpty().noneMatch(f -> f.contains(KEY) || f.contains(OTHER_KEY));
    }
  }
}
