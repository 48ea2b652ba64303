package dev.drawbridge.relay.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.relay.auth.Role;
import dev.drawbridge.relay.room.RoomLimits;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection-level limits over real sockets (R21, R22, R24). */
class LimitsTest {
  @TempDir Path dir;

  static final RoomLimits GENEROUS =
      new RoomLimits(2, 100, 1000, 10_000, 10_000, 1e9, 1e9, 100, 10, 30);

  @Test
  void r22_tooManyConnectionsFromOneAddressGet429() throws Exception {
    try (RelayFixture fx = new RelayFixture(dir, c -> c.withMaxConnectionsPerIp(3))) {
      for (int i = 0; i < 3; i++) {
        assertThat(fx.peer("ip" + i).open()).isTrue();
      }
      String path = "/v1/rooms/ip9";
      Map<String, String> auth =
          Map.of("Authorization", "Bearer " + RelayFixture.token("ip9", Role.EDITOR));
      assertThat(RawHttp.upgradeStatus(fx.relay.port(), path, auth)).isEqualTo(429);
    }
  }

  /**
   * Behind a proxy on the same machine every user comes from 127.0.0.1: the header tells them
   * apart.
   */
  @Test
  void r22_behindATrustedProxyEachForwardedClientHasItsOwnLimit() throws Exception {
    List<Socket> held = new ArrayList<>();
    try (RelayFixture fx = new RelayFixture(dir, c -> c.withMaxConnectionsPerIp(1))) {
      assertThat(forwardedUpgrade(fx, "203.0.113.1", held)).isEqualTo(101);
      assertThat(forwardedUpgrade(fx, "203.0.113.2", held)).isEqualTo(101);
      assertThat(forwardedUpgrade(fx, "203.0.113.1", held)).isEqualTo(429);
    } finally {
      closeAll(held);
    }
    try (RelayFixture fx =
        new RelayFixture(dir, c -> c.withMaxConnectionsPerIp(1).withTrustedProxies(List.of()))) {
      assertThat(forwardedUpgrade(fx, "203.0.113.1", held)).isEqualTo(101);
      assertThat(forwardedUpgrade(fx, "203.0.113.2", held))
          .as("an untrusted header")
          .isEqualTo(429);
    } finally {
      closeAll(held);
    }
  }

  /** Upgrades one connection that says it was forwarded for {@code client}, and keeps it open. */
  private static int forwardedUpgrade(RelayFixture fx, String client, List<Socket> held)
      throws Exception {
    Map<String, String> headers =
        Map.of(
            "Authorization",
            "Bearer " + RelayFixture.token("fwd", Role.EDITOR),
            "X-Forwarded-For",
            client);
    return RawHttp.upgradeAndHold(fx.relay.port(), "/v1/rooms/fwd", headers, held);
  }

  private static void closeAll(List<Socket> sockets) throws Exception {
    for (Socket s : sockets) {
      s.close();
    }
    sockets.clear();
  }

  @Test
  void r22_tooManyRoomsClosesWith4010AndFreedRoomsAreReused() throws Exception {
    RoomLimits twoRooms = new RoomLimits(10, 2, 1000, 100, 100, 1e9, 1e9, 10, 1, 30);
    try (RelayFixture fx = new RelayFixture(dir, c -> c.withLimits(twoRooms))) {
      TestPeer a = fx.peer("room-a");
      a.joinAndSync(0);
      fx.peer("room-b").joinAndSync(0);
      TestPeer c = fx.peer("room-c");
      c.open(); // may already report closed: the relay refuses right after the upgrade
      assertThat(c.awaitClose().code()).isEqualTo(CloseCodes.ROOM_FULL);
      a.closeBlocking();
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(20))
          .until(() -> fx.relay.rooms().roomCount() == 1);
      fx.peer("room-c").joinAndSync(0);
    }
  }

  @Test
  void r4_allowedOriginIsAccepted() throws Exception {
    try (RelayFixture fx =
        new RelayFixture(
            dir, c -> c.withAllowedOrigins(java.util.List.of("https://board.example")))) {
      String token = RelayFixture.token("o", Role.EDITOR);
      Map<String, String> allowed =
          Map.of("Authorization", "Bearer " + token, "Origin", "https://board.example");
      assertThat(RawHttp.upgradeStatus(fx.relay.port(), "/v1/rooms/o", allowed)).isEqualTo(101);
      assertThat(
              RawHttp.upgradeStatus(
                  fx.relay.port(), "/v1/rooms/o", Map.of("Authorization", "Bearer " + token)))
          .isEqualTo(101);
      Map<String, String> foreign =
          Map.of("Authorization", "Bearer " + token, "Origin", "https://evil.example");
      assertThat(RawHttp.upgradeStatus(fx.relay.port(), "/v1/rooms/o", foreign)).isEqualTo(403);
    }
  }

  @Test
  void r17_afterARateLimitedNackEveryLaterOpIsRefusedUntilTheRetryTime() throws Exception {
    // The byte bucket holds 4,000 bytes and refills at 1 byte/s: a big op is refused, and a small
    // op right behind it would fit. Accepting it would store the client's ops out of send order.
    RoomLimits bytes = new RoomLimits(10, 100, 1000, 10_000, 10_000, 1, 4_000, 100, 10, 30);
    try (RelayFixture fx = new RelayFixture(dir, c -> c.withLimits(bytes))) {
      TestPeer writer = fx.peer("order");
      writer.joinAndSync(0);
      TestPeer observer = fx.peer("order");
      observer.joinAndSync(0);
      writer.next(ServerMessage.Joined.class);
      float[] coords = new float[2_000];
      Op big =
          new Op.AddElement(
              Element.freehand(
                  "big", ElementKind.STROKE, 0, 0, Points.of(coords), Style.DEFAULT, 1));
      writer.submitStroke("small-1", "e1");
      writer.send(new ClientMessage.SubmitOp("big", big));
      writer.submitStroke("small-2", "e2");
      writer.submitStroke("small-3", "e3");

      // The ack waits for the disk and the nacks do not, so they may arrive in either order.
      Map<String, ServerMessage> replies = new HashMap<>();
      while (replies.size() < 4) {
        ServerMessage m = writer.next();
        if (m instanceof ServerMessage.Ack ack) {
          replies.put(ack.id(), ack);
        } else if (m instanceof ServerMessage.Nack nack) {
          replies.put(nack.id(), nack);
        }
      }
      assertThat(replies.get("small-1")).isInstanceOf(ServerMessage.Ack.class);
      List<ServerMessage.Nack> nacks = new ArrayList<>();
      for (String id : List.of("big", "small-2", "small-3")) {
        assertThat(replies.get(id)).isInstanceOf(ServerMessage.Nack.class);
        nacks.add((ServerMessage.Nack) replies.get(id));
      }
      assertThat(nacks).allSatisfy(n -> assertThat(n.reason()).isEqualTo("rate_limited"));
      assertThat(nacks).allSatisfy(n -> assertThat(n.retryAfterMs()).isPositive());
      assertThat(observer.next(ServerMessage.OpBroadcast.class).id()).isEqualTo("small-1");
      // A ping answered after the nacks: nothing else was broadcast before it.
      observer.send(new ClientMessage.Ping(7));
      assertThat(observer.next()).isEqualTo(new ServerMessage.Pong(7));
      assertThat(fx.relay.rooms().roomCount()).isEqualTo(1);
    }
  }

  @Test
  void r22_memberLimitClosesWith4010() throws Exception {
    try (RelayFixture fx = new RelayFixture(dir, c -> c.withLimits(GENEROUS))) {
      fx.peer("full").joinAndSync(0);
      fx.peer("full").joinAndSync(0);
      TestPeer third = fx.peer("full");
      assertThat(third.open()).isTrue();
      third.hello(0);
      assertThat(third.awaitClose().code()).isEqualTo(CloseCodes.ROOM_FULL);
    }
  }

  @Test
  void r24_clientThatStopsReadingIsClosedWith4011AndOthersCarryOn() throws Exception {
    ch.qos.logback.classic.Logger transportLog =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger("dev.drawbridge.relay.net.WebSocketClientSocket");
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> closes =
        new ch.qos.logback.core.read.ListAppender<>();
    closes.start();
    transportLog.addAppender(closes);
    try {
      stalledClientIsClosedAndOthersCarryOn(closes);
    } finally {
      transportLog.detachAppender(closes);
    }
  }

  private void stalledClientIsClosedAndOthersCarryOn(
      ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> closes)
      throws Exception {
    try (RelayFixture fx =
        new RelayFixture(
            dir,
            c ->
                c.withLimits(GENEROUS.withSnapshotEvery(1_000_000))
                    .withMaxPendingBytes(256 * 1024))) {
      TestPeer writer = fx.peer("slow");
      writer.joinAndSync(0);
      try (Socket stalled =
          RawHttp.openAndStopReading(
              fx.relay.port(), "/v1/rooms/slow", RelayFixture.token("slow", Role.VIEWER))) {
        String hello =
            "{\"type\":\"hello\",\"protocolVersion\":1,\"clientId\":\"stalled\",\"name\":\"s\",\"color\":\"#000000\",\"lastSeq\":0}";
        stalled
            .getOutputStream()
            .write(RawHttp.maskedTextFrame(hello.getBytes(StandardCharsets.UTF_8)));
        assertThat(writer.next(ServerMessage.Joined.class).peer().clientId()).isEqualTo("stalled");
        float[] coords = new float[8_000];
        for (int i = 0; i < coords.length; i++) {
          coords[i] = i % 500;
        }
        Points points = Points.of(coords);
        int sent = 0;
        ServerMessage.Left left = null;
        while (left == null && sent < 2_000) {
          Op op =
              new Op.AddElement(
                  Element.freehand(
                      "big" + sent, ElementKind.STROKE, 0, 0, points, Style.DEFAULT, 1));
          writer.send(new ClientMessage.SubmitOp("big" + sent, op));
          sent++;
          ServerMessage m = writer.next();
          while (!(m instanceof ServerMessage.Ack)) {
            if (m instanceof ServerMessage.Left l) {
              left = l;
            }
            m = writer.next();
          }
          ServerMessage extra = writer.received.poll();
          if (extra instanceof ServerMessage.Left l) {
            left = l;
          }
        }
        assertThat(left).as("the stalled client was dropped after %d ops", sent).isNotNull();
        assertThat(left.clientId()).isEqualTo("stalled");
        // The close frame waits behind the backlog the client never reads (it then loses the TCP
        // connection), so the code is checked where the relay decides it.
        assertThat(closes.list)
            .anySatisfy(
                e ->
                    assertThat(e.getKeyValuePairs())
                        .anySatisfy(
                            kv -> {
                              assertThat(kv.key).isEqualTo("closeCode");
                              assertThat(kv.value).isEqualTo(CloseCodes.TOO_SLOW);
                            }));
        assertThat(fx.relay.scrapeMetrics())
            .contains("drawbridge_rejects_total{reason=\"too_slow\"}");
      }
      writer.send(new ClientMessage.Ping(7));
      assertThat(writer.nextOf(ServerMessage.Pong.class).t()).isEqualTo(7);
    }
  }

  /**
   * R24 is about a client that stops reading, not about a big board: a welcome whose snapshot is
   * larger than the cap (a 100,000-element board's is ~24 MB against 16 MiB) reaches a member who
   * reads. (One who stops reading is still closed: the test above.)
   */
  @Test
  void r24_aWelcomeBiggerThanTheCapStillReachesAMemberWhoReads() throws Exception {
    try (RelayFixture fx =
        new RelayFixture(
            dir, c -> c.withLimits(GENEROUS.withSnapshotEvery(5)).withMaxPendingBytes(64 * 1024))) {
      TestPeer writer = fx.peer("big");
      writer.joinAndSync(0);
      float[] coords = new float[4_000];
      for (int i = 0; i < coords.length; i++) {
        coords[i] = i % 500;
      }
      // Snapshots are taken in the background, each after the one before it is saved: draw five
      // strokes at a time until a joiner's welcome holds 10 of them (~200 KB, three times the cap).
      ServerMessage.Welcome welcome = null;
      for (int round = 0; round < 40 && welcome == null; round++) {
        for (int i = round * 5; i < round * 5 + 5; i++) {
          writer.send(
              new ClientMessage.SubmitOp(
                  "big" + i,
                  new Op.AddElement(
                      Element.freehand(
                          "big" + i,
                          ElementKind.STROKE,
                          0,
                          0,
                          Points.of(coords),
                          Style.DEFAULT,
                          1))));
          writer.nextOf(ServerMessage.Ack.class);
        }
        Thread.sleep(50);
        TestPeer reader = fx.peer("big");
        ServerMessage.Welcome w = reader.join(0);
        if (w.snapshot() != null && w.snapshot().elements().size() >= 10) {
          reader.nextOf(ServerMessage.Synced.class);
          assertThat(reader.closed).isNotDone();
          welcome = w;
        }
        reader.close();
      }
      assertThat(welcome).as("a welcome with a snapshot of the big board").isNotNull();
      assertThat(fx.relay.scrapeMetrics())
          .doesNotContain("drawbridge_rejects_total{reason=\"too_slow\"}");
    }
  }

  @Test
  void r21_aPeerThatStopsAnsweringPingsIsDropped() throws Exception {
    try (RelayFixture fx = new RelayFixture(dir, c -> c.withPingIntervalSeconds(1))) {
      try (Socket silent =
          RawHttp.openAndStopReading(
              fx.relay.port(), "/v1/rooms/quiet", RelayFixture.token("quiet", Role.EDITOR))) {
        silent.setSoTimeout(20_000);
        InputStream in = silent.getInputStream();
        // Read (so the socket does not stall) but never answer a ping: the relay must hang up.
        byte[] buffer = new byte[4096];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
          total += n;
        }
        assertThat(total).isPositive();
      }
    }
  }
}
