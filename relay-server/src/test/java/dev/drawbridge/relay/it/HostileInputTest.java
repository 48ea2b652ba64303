package dev.drawbridge.relay.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.relay.auth.Role;
import dev.drawbridge.relay.auth.TokenIssuer;
import java.io.DataInputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad handshakes and bad frames (R1–R9, R17). For each: the documented HTTP status or close code,
 * the relay keeps serving, and two honest members of the same room lose nothing and see nothing
 * from the attacker.
 */
class HostileInputTest extends WriterAndObserver {
  static final String ROOM = "hostile";
  static final String ORIGIN = "https://board.example";

  HostileInputTest() {
    super(ROOM, c -> c.withAllowedOrigins(List.of(ORIGIN)).withHelloTimeoutSeconds(3));
  }

  long lastSeenSeq;

  /** What a hostile attempt produced: an HTTP status, or a close code plus the error code sent. */
  record Outcome(int httpStatus, int closeCode, String errorCode) {
    static Outcome http(int status) {
      return new Outcome(status, 0, null);
    }
  }

  interface Attack {
    Outcome run(HostileInputTest t) throws Exception;
  }

  // --- building blocks -------------------------------------------------------------------------

  Outcome status(String path, Map<String, String> headers) throws Exception {
    return Outcome.http(RawHttp.upgradeStatus(fx.relay.port(), path, headers));
  }

  static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }

  /**
   * Connects to the room as an editor, optionally says hello, sends {@code frames}, awaits close.
   */
  Outcome frames(boolean hello, String... frames) throws Exception {
    TestPeer attacker = fx.peer(ROOM);
    assertThat(attacker.open()).isTrue();
    if (hello) {
      attacker.hello(0);
      attacker.nextOf(ServerMessage.Synced.class);
    }
    for (String f : frames) {
      if (attacker.isOpen()) {
        attacker.send(f);
      }
    }
    return closed(attacker);
  }

  static Outcome closed(TestPeer attacker) throws Exception {
    TestPeer.Close close = attacker.awaitClose();
    String error = null;
    for (ServerMessage m : attacker.received) {
      if (m instanceof ServerMessage.Error e) {
        error = e.code();
      }
    }
    return new Outcome(0, close.code(), error);
  }

  static String hello(String clientId) {
    return "{\"type\":\"hello\",\"protocolVersion\":1,\"clientId\":\""
        + clientId
        + "\",\"name\":\"x\",\"color\":\"#000000\",\"lastSeq\":0}";
  }

  static String addOp(String opId, String element) {
    return "{\"type\":\"op\",\"id\":\""
        + opId
        + "\",\"op\":{\"type\":\"add\",\"element\":"
        + element
        + "}}";
  }

  static String element(String id, String pointsJson, String text) {
    return "{\"id\":\""
        + id
        + "\",\"kind\":\""
        + (text == null ? "stroke" : "text")
        + "\",\"x\":0,\"y\":0,\"w\":0,\"h\":0,\"points\":"
        + pointsJson
        + (text == null ? "" : ",\"text\":\"" + text + "\"")
        + ",\"style\":{\"color\":\"#000000\",\"width\":2,\"fill\":false,\"opacity\":1,\"fontSize\":20},\"z\":1,\"deleted\":false}";
  }

  static String points(int pairs) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < pairs * 2; i++) {
      b.append(i == 0 ? "" : ",").append(i % 100);
    }
    return b.append("]").toString();
  }

  Outcome rawFrame(byte[] payload) throws Exception {
    try (Socket s =
        RawHttp.openAndStopReading(
            fx.relay.port(), "/v1/rooms/" + ROOM, RelayFixture.token(ROOM, Role.EDITOR))) {
      s.setSoTimeout(20_000);
      InputStream in = s.getInputStream();
      int matched = 0;
      while (matched < 4) { // skip the HTTP response up to the blank line
        int c = in.read();
        matched =
            (c == '\r' && matched % 2 == 0) || (c == '\n' && matched % 2 == 1) ? matched + 1 : 0;
      }
      s.getOutputStream().write(RawHttp.maskedTextFrame(payload));
      DataInputStream data = new DataInputStream(in);
      while (true) {
        int opcode = data.readUnsignedByte() & 0x0F;
        int len = data.readUnsignedByte() & 0x7F;
        if (len == 126) {
          len = data.readUnsignedShort();
        }
        byte[] body = data.readNBytes(len);
        if (opcode == 0x8) {
          return new Outcome(0, ByteBuffer.wrap(body).getShort() & 0xFFFF, null);
        }
      }
    }
  }

  /** The relay's refusal counter for {@code reason}. */
  double rejects(String reason) {
    String line = "drawbridge_rejects_total{reason=\"" + reason + "\"} ";
    for (String l : fx.relay.scrapeMetrics().split("\n")) {
      if (l.startsWith(line)) {
        return Double.parseDouble(l.substring(line.length()));
      }
    }
    return 0;
  }

  // --- the attacks -----------------------------------------------------------------------------

  static Stream<Arguments> attacks() {
    String valid = RelayFixture.token(ROOM, Role.EDITOR);
    String path = "/v1/rooms/" + ROOM;
    List<Arguments> a = new ArrayList<>();
    a.add(case_("R2 no token", Outcome.http(401), t -> t.status(path, Map.of())));
    a.add(case_("R2 garbage token", Outcome.http(401), t -> t.status(path, bearer("not.a.jwt"))));
    a.add(
        case_(
            "R2 token in query param, garbage",
            Outcome.http(401),
            t -> t.status(path + "?token=abc", Map.of())));
    a.add(
        case_(
            "R2 expired token",
            Outcome.http(401),
            t ->
                t.status(
                    path,
                    bearer(
                        new TokenIssuer(RelayFixture.SECRET)
                            .issue(
                                ROOM,
                                Role.EDITOR,
                                null,
                                Duration.ofSeconds(1),
                                Instant.now().minus(Duration.ofHours(2)))))));
    a.add(
        case_(
            "R2 token signed with another secret",
            Outcome.http(401),
            t ->
                t.status(
                    path,
                    bearer(
                        new TokenIssuer("other-secret")
                            .issue(ROOM, Role.EDITOR, null, Duration.ofHours(1), Instant.now())))));
    a.add(
        case_(
            "R2 unsigned alg=none token",
            Outcome.http(401),
            t ->
                t.status(
                    path,
                    bearer(
                        JWT.create()
                            .withIssuer("drawbridge-relay")
                            .withClaim("room", ROOM)
                            .withClaim("role", "editor")
                            .withExpiresAt(Instant.now().plusSeconds(600))
                            .sign(Algorithm.none())))));
    a.add(
        case_(
            "R3 R76 token for another room",
            Outcome.http(401),
            t -> t.status(path, bearer(RelayFixture.token("elsewhere", Role.EDITOR)))));
    a.add(
        case_(
            "R3 R76 query token for another room",
            Outcome.http(401),
            t ->
                t.status(
                    path + "?token=" + RelayFixture.token("elsewhere", Role.EDITOR), Map.of())));
    a.add(
        case_(
            "R4 foreign Origin",
            Outcome.http(403),
            t ->
                t.status(
                    path,
                    Map.of("Authorization", "Bearer " + valid, "Origin", "https://evil.example"))));
    a.add(
        case_(
            "R1 bad room name",
            Outcome.http(404),
            t -> t.status("/v1/rooms/bad$name", bearer(valid))));
    a.add(
        case_(
            "R1 room name over 64 chars",
            Outcome.http(404),
            t -> t.status("/v1/rooms/" + "a".repeat(65), bearer(valid))));
    a.add(
        case_(
            "R1 unknown path",
            Outcome.http(404),
            t -> t.status("/v2/rooms/" + ROOM, bearer(valid))));
    a.add(
        case_(
            "R8 invalid JSON",
            new Outcome(0, 4002, "malformed_json"),
            t -> t.frames(false, "{\"type\":")));
    a.add(
        case_(
            "R8 wrong shape (array)",
            new Outcome(0, 4002, "wrong_type"),
            t -> t.frames(false, "[1,2,3]")));
    a.add(
        case_(
            "R7 a message in Jackson's wrapper-array form",
            new Outcome(0, 4002, "wrong_type"),
            t -> t.frames(false, "[\"ping\",{\"t\":1}]")));
    a.add(
        case_(
            "R8 unknown type",
            new Outcome(0, 4002, "unknown_type"),
            t -> t.frames(false, "{\"type\":\"launch\"}")));
    a.add(
        case_(
            "R8 missing type",
            new Outcome(0, 4002, "missing_field"),
            t -> t.frames(false, "{\"t\":1}")));
    a.add(
        case_(
            "R5 op before hello",
            new Outcome(0, 4002, "op_before_hello"),
            t -> t.frames(false, addOp("p1", element("pe1", points(2), null)))));
    a.add(
        case_(
            "R8 NaN number",
            new Outcome(0, 4002, "malformed_json"),
            t -> t.frames(false, "{\"type\":\"ping\",\"t\":NaN}")));
    a.add(
        case_(
            "R8 NaN inside an element",
            new Outcome(0, 4002, "malformed_json"),
            t ->
                t.frames(
                    true,
                    addOp("nan1", element("ne1", "[]", null).replace("\"x\":0", "\"x\":NaN")))));
    a.add(
        case_(
            "R8 Infinity inside points",
            new Outcome(0, 4002, "malformed_json"),
            t -> t.frames(true, addOp("inf1", element("ie1", "[1,-Infinity]", null)))));
    a.add(
        case_(
            "R8 NaN in a cursor",
            new Outcome(0, 4002, "malformed_json"),
            t -> t.frames(true, "{\"type\":\"presence\",\"cursor\":{\"x\":NaN,\"y\":0}}")));
    a.add(
        case_(
            "R88 NaN in a presence view",
            new Outcome(0, 4002, "malformed_json"),
            t ->
                t.frames(true, "{\"type\":\"presence\",\"view\":{\"x\":NaN,\"y\":0,\"zoom\":1}}")));
    a.add(
        case_(
            "R88 a huge presence view",
            new Outcome(0, 4002, "invalid_value"),
            t ->
                t.frames(
                    true, "{\"type\":\"presence\",\"view\":{\"x\":1e300,\"y\":0,\"zoom\":1e9}}")));
    a.add(
        case_(
            "R90 a laser run over 64 points",
            new Outcome(0, 4009, "too_big"),
            t -> t.frames(true, "{\"type\":\"presence\",\"laser\":" + points(65) + "}")));
    a.add(
        case_(
            "R91 a draft over 1,000 characters",
            new Outcome(0, 4009, "too_big"),
            t ->
                t.frames(
                    true,
                    "{\"type\":\"presence\",\"draft\":{\"x\":0,\"y\":0,\"fontSize\":20,"
                        + "\"text\":\""
                        + "d".repeat(1_001)
                        + "\"}}")));
    a.add(
        case_(
            "R8 two messages in one frame",
            new Outcome(0, 4002, "malformed_json"),
            t -> t.frames(true, "{\"type\":\"ping\",\"t\":1}{\"type\":\"ping\",\"t\":2}")));
    a.add(
        case_(
            "R9 200,000-char unknown field inside an op",
            new Outcome(0, 4009, "too_big"),
            t ->
                t.frames(
                    true,
                    // After the element: Jackson has built the op and skips what follows unread.
                    addOp("junk1", element("je1", points(2), null))
                        .replaceFirst("}}$", ",\"junk\":\"" + "j".repeat(200_000) + "\"}}"))));
    a.add(
        case_(
            "R8 number beyond long",
            new Outcome(0, 4002, "invalid_value"),
            t -> t.frames(false, "{\"type\":\"ping\",\"t\":123456789012345678901234567890}")));
    a.add(
        case_(
            "R8 string where number",
            new Outcome(0, 4002, "wrong_type"),
            t -> t.frames(false, "{\"type\":\"ping\",\"t\":\"1\"}")));
    a.add(
        case_(
            "R9 10 MB string",
            new Outcome(0, 4009, null),
            t -> {
              double before = t.rejects("frame_too_big");
              Outcome o =
                  t.frames(
                      false, "{\"type\":\"ping\",\"t\":1,\"x\":\"" + "a".repeat(10 << 20) + "\"}");
              // The relay closes while megabytes are still in flight, so the kernel may answer the
              // rest with a TCP reset that hides the close frame (1006). Its counter shows the
              // 4009.
              if (o.closeCode() == 1006) {
                assertThat(t.rejects("frame_too_big")).isEqualTo(before + 1);
                return new Outcome(0, 4009, null);
              }
              return o;
            }));
    a.add(
        case_(
            "R8 deep nesting",
            new Outcome(0, 4002, "too_deep"),
            t ->
                t.frames(
                    false,
                    "{\"type\":\"ping\",\"t\":1,\"x\":"
                        + "[".repeat(5000)
                        + "]".repeat(5000)
                        + "}")));
    a.add(
        case_(
            "R7 binary frame",
            new Outcome(0, 4002, "binary_frame"),
            t -> {
              TestPeer p = t.fx.peer(ROOM);
              p.open();
              p.send(new byte[] {1, 2, 3});
              return closed(p);
            }));
    a.add(
        case_(
            "R7 invalid UTF-8",
            new Outcome(0, 4002, null),
            t -> t.rawFrame(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'})));
    a.add(
        case_(
            "R6 hello with bad colour",
            new Outcome(0, 4002, "invalid_value"),
            t -> t.frames(false, hello("x1").replace("#000000", "red"))));
    a.add(
        case_(
            "R8 hello with negative lastSeq",
            new Outcome(0, 4002, "invalid_value"),
            t -> t.frames(false, hello("x2").replace("\"lastSeq\":0", "\"lastSeq\":-5"))));
    a.add(
        case_(
            "R9 client id over 64 chars",
            new Outcome(0, 4009, "too_big"),
            t -> t.frames(false, hello("c".repeat(65)))));
    a.add(
        case_(
            "R5 second hello",
            new Outcome(0, 4002, "duplicate_hello"),
            t -> t.frames(true, hello("again"))));
    a.add(
        case_(
            "R8 op without op field",
            new Outcome(0, 4002, "missing_field"),
            t -> t.frames(true, "{\"type\":\"op\",\"id\":\"m1\"}")));
    a.add(
        case_(
            "R9 oversized points",
            new Outcome(0, 4009, "too_big"),
            t -> t.frames(true, addOp("big1", element("be1", points(4_097), null)))));
    a.add(
        case_(
            "R9 text over 10,000 chars",
            new Outcome(0, 4009, "too_big"),
            t -> t.frames(true, addOp("big2", element("te1", "[]", "t".repeat(10_001))))));
    a.add(
        case_(
            "R8 coordinate 1e300",
            new Outcome(0, 4002, "invalid_value"),
            t -> t.frames(true, addOp("far1", element("fe1", "[1e300,0]", null)))));
    a.add(
        case_(
            "R17 op flood",
            new Outcome(0, CloseCodes.RATE_LIMITED, "rate_limited"),
            t -> {
              // Its own room: the flood's first ops are legitimate and would reach the witnesses.
              TestPeer p = t.fx.peer("flood");
              p.joinAndSync(0);
              // Big ops: the default op burst is sized for offline replay (20,000), so the byte
              // bucket (4 MiB burst, 1 MiB/s) is what stops this flood.
              float[] coords = new float[8_000];
              for (int k = 0; k < coords.length; k++) {
                coords[k] = 100 + k % 900 + 0.25f;
              }
              Points bigPoints = Points.of(coords);
              java.util.function.IntConsumer flood =
                  n ->
                      p.send(
                          new ClientMessage.SubmitOp(
                              "f" + n,
                              new Op.AddElement(
                                  Element.freehand(
                                      "fe" + n,
                                      ElementKind.STROKE,
                                      0,
                                      0,
                                      bigPoints,
                                      Style.DEFAULT,
                                      1))));
              int i = 0;
              while (i < 90) {
                flood.accept(i++);
              }
              // Then one op per answer (still far above the rate), so nothing is in flight when
              // the relay closes: a TCP reset would hide the close code.
              String awaited = "f" + (i - 1);
              ServerMessage error = null;
              while (i < 5_000) {
                ServerMessage answer = p.received.poll(20, java.util.concurrent.TimeUnit.SECONDS);
                if (answer == null || answer instanceof ServerMessage.Error) {
                  error = answer;
                  break;
                }
                String id =
                    answer instanceof ServerMessage.Ack ack
                        ? ack.id()
                        : answer instanceof ServerMessage.Nack nack ? nack.id() : null;
                if (awaited.equals(id)) {
                  awaited = "f" + i;
                  flood.accept(i++);
                }
              }
              if (error != null) {
                p.received.add(error); // for closed(p) to report
              }
              return closed(p);
            }));
    a.add(
        case_(
            "R13 forged seq and clientId fields are ignored",
            new Outcome(0, 1000, null),
            t -> {
              TestPeer p = t.fx.peer(ROOM);
              p.joinAndSync(t.lastSeenSeq);
              p.send(
                  addOp("forged1", element("fo1", points(2), null))
                      .replace(
                          "{\"type\":\"op\",",
                          "{\"type\":\"op\",\"seq\":999,\"clientId\":\""
                              + t.writer.clientId
                              + "\","));
              ServerMessage.Ack ack = p.nextOf(ServerMessage.Ack.class);
              assertThat(ack.seq()).isEqualTo(t.lastSeenSeq + 1);
              for (TestPeer member : List.of(t.writer, t.observer)) {
                ServerMessage.OpBroadcast op = member.nextOf(ServerMessage.OpBroadcast.class);
                assertThat(op.seq()).isEqualTo(t.lastSeenSeq + 1);
                assertThat(op.clientId()).isEqualTo(p.clientId);
              }
              t.lastSeenSeq++;
              p.closeBlocking();
              return closed(p);
            }));
    a.add(
        case_(
            "R5 connection that never says hello",
            new Outcome(0, 4002, "hello_timeout"),
            t -> {
              TestPeer p = t.fx.peer(ROOM);
              p.open();
              return closed(p);
            }));
    return a.stream();
  }

  static Arguments case_(String name, Outcome expected, Attack attack) {
    return Arguments.of(name, expected, attack);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void attackIsRefusedAndTheRoomCarriesOn(String name, Outcome expected, Attack attack)
      throws Exception {
    Outcome outcome = attack.run(this);
    if (expected.errorCode() == null) {
      assertThat(new Outcome(outcome.httpStatus(), outcome.closeCode(), null))
          .as(name)
          .isEqualTo(expected);
    } else {
      assertThat(outcome).as(name).isEqualTo(expected);
    }

    // The honest members: one more op goes through, in order, and nothing else reached them.
    String opId = "w" + Integer.toHexString(name.hashCode());
    writer.submitStroke(opId, "we" + opId);
    ServerMessage.Ack ack = writer.nextOf(ServerMessage.Ack.class);
    assertThat(ack.id()).isEqualTo(opId);
    assertThat(ack.seq()).isEqualTo(lastSeenSeq + 1);
    while (true) {
      ServerMessage m = observer.next();
      if (m instanceof ServerMessage.OpBroadcast op) {
        assertThat(op.seq()).isEqualTo(lastSeenSeq + 1);
        assertThat(op.clientId()).isEqualTo(writer.clientId);
        lastSeenSeq = op.seq();
        break;
      }
      assertThat(m)
          .as("only joined/left from the attacker")
          .isInstanceOfAny(ServerMessage.Joined.class, ServerMessage.Left.class);
    }
    writer.received.removeIf(
        m -> m instanceof ServerMessage.Joined || m instanceof ServerMessage.Left);
    assertThat(writer.received).isEmpty();

    // And a newcomer is still served.
    TestPeer newcomer = fx.peer(ROOM);
    List<ServerMessage.OpBroadcast> caughtUp = newcomer.joinAndSync(lastSeenSeq - 1);
    assertThat(caughtUp).extracting(ServerMessage.OpBroadcast::seq).containsExactly(lastSeenSeq);
    newcomer.closeBlocking();
  }
}
