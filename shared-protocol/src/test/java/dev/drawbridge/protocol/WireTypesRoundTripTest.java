package dev.drawbridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.fixtures.Samples;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every permitted subtype of every wire interface has a sample, a unique JSON type name, and
 * survives encode → decode unchanged (docs/protocol.md R8, R70). A new message without a sample
 * fails here.
 */
class WireTypesRoundTripTest {
  // One codec for every case, as in production: building one costs more than a test case.
  private static final ProtocolCodec codec = new ProtocolCodec();

  static List<Class<?>> permitted() {
    return SealedTypes.allPermitted();
  }

  @Test
  void everyPermittedSubtypeHasASample() {
    assertThat(Samples.all().keySet()).containsExactlyInAnyOrderElementsOf(permitted());
  }

  @Test
  void typeNamesAreUniquePerInterface() {
    for (Class<?> sealed : SealedTypes.INTERFACES) {
      Set<String> names = new HashSet<>();
      for (Class<?> type : sealed.getPermittedSubclasses()) {
        assertThat(names.add(SealedTypes.typeName(type)))
            .as("type name of %s is unique in %s", type, sealed)
            .isTrue();
      }
    }
  }

  @Test
  void clientMessageTypeNamesAreTheWireTypes() {
    for (Class<?> type : ClientMessage.class.getPermittedSubclasses()) {
      ClientMessage sample = (ClientMessage) Samples.of(type);
      assertThat(ClientMessage.typeName(sample)).isEqualTo(SealedTypes.typeName(type));
    }
  }

  @ParameterizedTest
  @MethodSource("permitted")
  void roundTrips(Class<?> type) throws ProtocolException {
    Object sample = Samples.of(type);
    assertThat(sample).as("sample of %s", type.getName()).isNotNull();
    Object decoded =
        switch (sample) {
          case ClientMessage m -> codec.decodeClient(codec.encode(m));
          case ServerMessage m -> codec.decodeServer(codec.encode(m));
          case Op op -> codec.decodeOp(codec.encodeOp(op));
          default -> throw new AssertionError("not a wire type: " + type);
        };
    assertThat(decoded).isEqualTo(sample);
  }

  @ParameterizedTest
  @MethodSource("permitted")
  void writesItsTypeNameFirst(Class<?> type) {
    String json =
        switch (Samples.of(type)) {
          case ClientMessage m -> codec.encode(m);
          case ServerMessage m -> codec.encode(m);
          case Op op -> codec.encodeOp(op);
          default -> throw new AssertionError(type);
        };
    assertThat(json).startsWith("{\"type\":\"" + SealedTypes.typeName(type) + "\"");
  }

  @ParameterizedTest
  @MethodSource("permitted")
  void serverMessagesEncodeToTheSameUtf8Bytes(Class<?> type) throws ProtocolException {
    if (Samples.of(type) instanceof ServerMessage m) {
      byte[] bytes = codec.encodeToBytes(m);
      assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(codec.encode(m));
      assertThat(codec.decodeServer(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)))
          .isEqualTo(m);
    }
  }

  @Test
  void integersAreAcceptedWhereDecimalsAreWritten() throws ProtocolException {
    assertThat(codec.decodeClient("{\"type\":\"presence\",\"cursor\":{\"x\":3,\"y\":-4}}"))
        .isEqualTo(
            new ClientMessage.Presence(
                new dev.drawbridge.protocol.message.Cursor(3, -4), List.of()));
    assertThat(codec.decodeOp("{\"type\":\"append\",\"elementId\":\"e\",\"points\":[1,2]}"))
        .isEqualTo(new Op.AppendPoints("e", dev.drawbridge.protocol.element.Points.of(1, 2)));
  }

  @Test
  void absentOptionalFieldsAreNeitherWrittenNorRequired() throws ProtocolException {
    ClientMessage.Presence away = new ClientMessage.Presence(null, null);
    assertThat(codec.encode(away)).isEqualTo("{\"type\":\"presence\",\"selection\":[]}");
    assertThat(codec.decodeClient("{\"type\":\"presence\"}")).isEqualTo(away);
    assertThat(codec.decodeClient("{\"type\":\"presence\",\"cursor\":null}")).isEqualTo(away);
  }

  @Test
  void aWelcomeWithATenThousandElementBoardDecodes() throws ProtocolException {
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      String id = "el-" + i;
      elements.add(
          i % 2 == 0
              ? Element.freehand(
                  id, ElementKind.STROKE, i, -i, Samples.STROKE.points(), Samples.PEN, i)
              : Element.shape(id, ElementKind.RECTANGLE, i, -i, 10, 20, Samples.PEN, -i));
    }
    ServerMessage welcome =
        new ServerMessage.Welcome(
            "s1",
            10_000,
            "editor",
            List.of(Samples.ANA),
            new dev.drawbridge.protocol.board.BoardSnapshot(10_000, elements),
            true);
    String json = codec.encode(welcome);
    assertThat(json.length())
        .isLessThan(dev.drawbridge.protocol.validation.ProtocolLimits.MAX_SERVER_FRAME_BYTES);
    assertThat(codec.decodeServer(json)).isEqualTo(welcome);
  }

  @Test
  void snapshotRoundTrips() throws ProtocolException {
    assertThat(codec.decodeSnapshot(codec.encodeSnapshot(Samples.SNAPSHOT)))
        .isEqualTo(Samples.SNAPSHOT);
  }
}
