package dev.drawbridge.relay.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.board.Connectors;
import dev.drawbridge.protocol.element.Binding;
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
 * Connectors over real sockets (docs/protocol.md R100–R106): hostile bindings are refused with the
 * documented code; bindings the decoder cannot judge (unknown targets, connectors, cycles) are
 * sequenced, stored and forwarded like any op and drawn free; honest members keep converging.
 */
class ConnectorBindingTest extends WriterAndObserver {
  static final String ROOM = "connectors";
  static final String ARROW =
      "{\"type\":\"op\",\"id\":\"%s\",\"op\":{\"type\":\"add\",\"element\":{\"id\":\"%s\","
          + "\"kind\":\"%s\",\"x\":0,\"y\":0,\"w\":10,\"h\":10,\"points\":[],\"style\":{\"color\":"
          + "\"#1e1e1e\",\"width\":2,\"fill\":false,\"opacity\":1,\"fontSize\":20},\"z\":1,"
          + "\"deleted\":false%s}}}";

  ConnectorBindingTest() {
    super(ROOM);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bound to itself | arrow | ,\"endBinding\":{\"elementId\":\"el-x\",\"x\":0.5,\"y\":0.5}"
            + " | 4002 | invalid_value",
        "huge anchor | arrow | ,\"startBinding\":{\"elementId\":\"box\",\"x\":1e300,\"y\":0}"
            + " | 4002 | invalid_value",
        "negative anchor | line | ,\"startBinding\":{\"elementId\":\"box\",\"x\":-0.5,\"y\":0}"
            + " | 4002 | invalid_value",
        "NaN anchor | arrow | ,\"startBinding\":{\"elementId\":\"box\",\"x\":NaN,\"y\":0}"
            + " | 4002 | malformed_json",
        "anchor without target | arrow | ,\"endBinding\":{\"x\":0,\"y\":0} | 4002 | invalid_value",
        "binding on a rectangle | rectangle"
            + " | ,\"endBinding\":{\"elementId\":\"box\",\"x\":0,\"y\":0} | 4002 | invalid_value",
        "unknown routing | arrow | ,\"routing\":\"spiral\" | 4002 | wrong_type",
      })
  void hostileBindingsAreRefusedAndHonestMembersLoseNothing(
      String name, String kind, String fields, int closeCode, String errorCode) throws Exception {
    assertRefusedAndRoomServes(
        name, ARROW.formatted("op-bad", "el-x", kind, fields), closeCode, errorCode);
  }

  @Test
  void aSelfBindingInAnUpdateIsRefused() throws Exception {
    TestPeer attacker = fx.peer(ROOM);
    attacker.joinAndSync(0);
    attacker.send(
        "{\"type\":\"op\",\"id\":\"op-self\",\"op\":{\"type\":\"update\",\"elementId\":\"a1\","
            + "\"patch\":{\"startBinding\":{\"elementId\":\"a1\",\"x\":0,\"y\":0}}}}");
    assertThat(attacker.awaitClose().code()).isEqualTo(4002);
  }

  @Test
  void bindingsTheDecoderCannotJudgeAreStoredForwardedAndDrawnFree() throws Exception {
    Element box = Element.shape("box1", ElementKind.RECTANGLE, 100, 100, 50, 50, Style.DEFAULT, 1);
    Element a = Element.shape("a1", ElementKind.ARROW, 0, 0, 10, 0, Style.DEFAULT, 2);
    Element b = Element.shape("b1", ElementKind.LINE, 0, 20, 10, 0, Style.DEFAULT, 3);
    List<Op> ops =
        List.of(
            new Op.AddElement(box),
            // unknown target
            new Op.AddElement(
                Element.shape("u1", ElementKind.ARROW, 5, 5, 5, 5, Style.DEFAULT, 4)
                    .withBindings(Binding.to("nobody", 0.5, 0.5), Binding.to("box1", 0, 0))),
            // a cycle of two connectors bound to each other
            new Op.AddElement(a.withBindings(Binding.to("b1", 0, 0), null)),
            new Op.AddElement(b.withBindings(Binding.to("a1", 1, 1), null)),
            // the shape moves: no op for its connector
            new Op.UpdateElement("box1", ElementPatch.move(300, 300)),
            // delete the target while the other end is re-bound
            new Op.DeleteElement("box1"),
            new Op.UpdateElement("u1", ElementPatch.NONE.withStartBinding(Binding.to("a1", 0, 0))));
    BoardState writerBoard = new BoardState();
    BoardState observerBoard = new BoardState();
    int i = 0;
    for (Op op : ops) {
      String id = "conn-" + i++;
      writer.send(new ClientMessage.SubmitOp(id, op));
      ServerMessage.Ack ack = writer.nextOf(ServerMessage.Ack.class);
      assertThat(ack.id()).isEqualTo(id);
      writerBoard.apply(ack.seq(), id, op);
      ServerMessage.OpBroadcast seen = observer.nextOf(ServerMessage.OpBroadcast.class);
      assertThat(seen.op()).as("forwarded with its bindings").isEqualTo(op);
      observerBoard.apply(seen.seq(), seen.id(), seen.op());
    }
    assertThat(observerBoard.hash()).isEqualTo(writerBoard.hash());
    Element u1 = observerBoard.get("u1");
    assertThat(Connectors.ends(u1, observerBoard)).containsExactly(5, 5, 10, 10);
    assertThat(Connectors.ends(observerBoard.get("a1"), observerBoard))
        .containsExactly(0, 0, 10, 0);

    // A member joining later gets the bindings from the relay's store.
    TestPeer late = fx.peer(ROOM);
    List<ServerMessage.OpBroadcast> catchUp = late.joinAndSync(0);
    assertThat(catchUp)
        .extracting(ServerMessage.OpBroadcast::op)
        .containsAll(ops.subList(1, ops.size()));
    late.close();
  }
}
