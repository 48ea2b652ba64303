package dev.drawbridge.relay.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Groups, dashes and locks over real sockets (docs/protocol.md R121–R128): the relay stores and
 * forwards {@code group}, {@code style.dash} and {@code locked}, a late joiner gets them from the
 * store, and hostile values are refused with the documented code while the room keeps serving.
 */
class ElementPropertiesOverTheWireTest extends WriterAndObserver {
  static final String ROOM = "groups";

  ElementPropertiesOverTheWireTest() {
    super(ROOM);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not an id | \"a b/c\" | 4002 | invalid_value",
        "too long | \"gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg\""
            + " | 4009 | too_big",
        "a number | 7 | 4002 | wrong_type",
        "an object | {\"id\":\"g\"} | 4002 | wrong_type",
      })
  void hostileGroupsAreRefusedAndHonestMembersLoseNothing(
      String name, String group, int closeCode, String errorCode) throws Exception {
    assertRefusedAndRoomServes(
        name,
        "{\"type\":\"op\",\"id\":\"op-bad\",\"op\":{\"type\":\"update\",\"elementId\":\"g1\","
            + "\"patch\":{\"group\":"
            + group
            + "}}}",
        closeCode,
        errorCode);
  }

  @Test
  void groupsAreStoredForwardedAndGivenToLateJoiners() throws Exception {
    Element box = Element.shape("gb1", ElementKind.RECTANGLE, 0, 0, 50, 50, Style.DEFAULT, 1);
    Element text = Element.text("gt1", 5, 5, "label", Style.DEFAULT, 2);
    List<Op> ops =
        List.of(
            new Op.AddElement(box.withGroup("grp-1")),
            new Op.AddElement(text),
            new Op.UpdateElement("gt1", ElementPatch.NONE.withGroup("grp-1")),
            new Op.UpdateElement("gb1", ElementPatch.NONE.withGroup("")));
    BoardState writerBoard = new BoardState();
    BoardState observerBoard = new BoardState();
    int i = 0;
    for (Op op : ops) {
      String id = "grp-op-" + i++;
      writer.send(new ClientMessage.SubmitOp(id, op));
      ServerMessage.Ack ack = writer.nextOf(ServerMessage.Ack.class);
      writerBoard.apply(ack.seq(), id, op);
      ServerMessage.OpBroadcast seen = observer.nextOf(ServerMessage.OpBroadcast.class);
      assertThat(seen.op()).as("forwarded with its group").isEqualTo(op);
      observerBoard.apply(seen.seq(), seen.id(), seen.op());
    }
    assertThat(observerBoard.hash()).isEqualTo(writerBoard.hash());
    assertThat(observerBoard.get("gt1").group()).isEqualTo("grp-1");
    assertThat(observerBoard.get("gb1").group()).isNull();

    TestPeer late = fx.peer(ROOM);
    List<ServerMessage.OpBroadcast> catchUp = late.joinAndSync(0);
    assertThat(catchUp).extracting(ServerMessage.OpBroadcast::op).containsAll(ops);
    late.close();
  }

  @Test
  void dashesAreForwardedAndAnUnknownDashIsRefused() throws Exception {
    Element dashed =
        Element.shape(
            "dash1",
            ElementKind.ARROW,
            0,
            0,
            50,
            0,
            Style.DEFAULT.withDash(dev.drawbridge.protocol.element.Dash.DASHED),
            1);
    writer.send(new ClientMessage.SubmitOp("dash-op", new Op.AddElement(dashed)));
    writer.nextOf(ServerMessage.Ack.class);
    ServerMessage.OpBroadcast seen = observer.nextOf(ServerMessage.OpBroadcast.class);
    assertThat(((Op.AddElement) seen.op()).element().style().dash())
        .isEqualTo(dev.drawbridge.protocol.element.Dash.DASHED);

    TestPeer attacker = fx.peer(ROOM);
    attacker.joinAndSync(0);
    attacker.send(
        "{\"type\":\"op\",\"id\":\"op-wavy\",\"op\":{\"type\":\"update\","
            + "\"elementId\":\"dash1\",\"patch\":{\"dash\":\"wavy\"}}}");
    assertThat(attacker.awaitClose().code()).isEqualTo(4002);
    assertThat(attacker.received)
        .filteredOn(ServerMessage.Error.class::isInstance)
        .map(m -> ((ServerMessage.Error) m).code())
        .contains("wrong_type");
  }

  @Test
  void locksAreForwardedAndALockThatIsNotABooleanIsRefused() throws Exception {
    Element locked =
        Element.shape("lock1", ElementKind.RECTANGLE, 0, 0, 50, 50, Style.DEFAULT, 1)
            .withLocked(true);
    writer.send(new ClientMessage.SubmitOp("lock-op", new Op.AddElement(locked)));
    writer.nextOf(ServerMessage.Ack.class);
    ServerMessage.OpBroadcast seen = observer.nextOf(ServerMessage.OpBroadcast.class);
    assertThat(((Op.AddElement) seen.op()).element().hasLock()).isTrue();

    TestPeer attacker = fx.peer(ROOM);
    attacker.joinAndSync(0);
    attacker.send(
        "{\"type\":\"op\",\"id\":\"op-lock\",\"op\":{\"type\":\"update\","
            + "\"elementId\":\"lock1\",\"patch\":{\"locked\":\"yes\"}}}");
    assertThat(attacker.awaitClose().code()).isEqualTo(4002);
    writer.submitStroke("after-lock", "s-after-lock");
    assertThat(writer.nextOf(ServerMessage.Ack.class).id()).isEqualTo("after-lock");
    assertThat(observer.nextOf(ServerMessage.OpBroadcast.class).id()).isEqualTo("after-lock");
  }
}
