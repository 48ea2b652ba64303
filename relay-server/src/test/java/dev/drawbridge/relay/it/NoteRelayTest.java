package dev.drawbridge.relay.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.element.Element;
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
 * Sticky notes through a real relay (docs/protocol.md R95–R98): odd but valid notes are stored and
 * forwarded unchanged to members and late joiners; hostile ones close their sender with the
 * documented code and leave the room's honest members unaffected.
 */
class NoteRelayTest extends WriterAndObserver {
  static final String ROOM = "notes";
  static final ProtocolCodec CODEC = new ProtocolCodec();
  static final Style PAPER = new Style("#ffec99", 1, true, 1, 24);

  NoteRelayTest() {
    super(ROOM);
  }

  private Element forwarded(Op op, String opId) throws Exception {
    writer.send(new ClientMessage.SubmitOp(opId, op));
    writer.nextOf(ServerMessage.Ack.class);
    ServerMessage.OpBroadcast b = observer.nextOf(ServerMessage.OpBroadcast.class);
    assertThat(b.id()).isEqualTo(opId);
    assertThat(b.op()).isEqualTo(op);
    return b.op() instanceof Op.AddElement add ? add.element() : null;
  }

  @Test
  void oddButValidNotesAreStoredForwardedAndCaughtUpUnchanged() throws Exception {
    Element lines =
        Element.note("n-lines", 0, 0, 200, "\n".repeat(9_999) + "e", PAPER, 1).withAuthor("c1");
    Element empty = Element.note("n-empty", 220, 0, 200, "", PAPER, 2);
    Element oddColour =
        Element.note("n-colour", 440, 0, 200, "hi", PAPER.withColor("#123456ab"), 3);
    assertThat(forwarded(new Op.AddElement(lines), "op-n1").isNote()).isTrue();
    assertThat(forwarded(new Op.AddElement(empty), "op-n2").text()).isEmpty();
    assertThat(forwarded(new Op.AddElement(oddColour), "op-n3").style().color())
        .isEqualTo("#123456ab");
    Op edit = new Op.UpdateElement("n-empty", ElementPatch.NONE.withText("now with text"));
    forwarded(edit, "op-n4");

    // A late joiner gets the same notes, with the edit applied by the relay's reducer.
    TestPeer late = fx.peer(ROOM);
    List<ServerMessage.OpBroadcast> catchUp = late.joinAndSync(0);
    assertThat(catchUp).extracting(ServerMessage.OpBroadcast::id).contains("op-n1", "op-n4");
    dev.drawbridge.protocol.board.BoardState board = new dev.drawbridge.protocol.board.BoardState();
    for (ServerMessage.OpBroadcast b : catchUp) {
      board.apply(b.seq(), b.id(), b.op());
    }
    assertThat(board.get("n-empty").text()).isEqualTo("now with text");
    assertThat(board.get("n-lines")).isEqualTo(lines);
    assertThat(board.get("n-colour").isNote()).isTrue();
    late.close();
    observer.nextOf(ServerMessage.Left.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "huge text | \"text\":\"x\" | TOO_BIG_TEXT | 4009 | too_big",
        "NaN width | \"w\":200.0 | \"w\":NaN | 4002 | malformed_json",
        "width beyond the range | \"w\":200.0 | \"w\":1.0E8 | 4002 | invalid_value",
        "colour that is no colour | \"color\":\"#ffec99\" | \"color\":\"yellow\" | 4002 | invalid_value",
      })
  void hostileNotesCloseTheirSenderWithTheDocumentedCode(
      String what, String field, String replacement, int close, String code) throws Exception {
    Element note = Element.note("n-bad", 0, 0, 200, "x", PAPER, 9);
    String frame = CODEC.encode(new ClientMessage.SubmitOp("op-bad", new Op.AddElement(note)));
    String bad =
        frame.replace(
            field,
            replacement.equals("TOO_BIG_TEXT")
                ? "\"text\":\"" + "x".repeat(10_001) + "\""
                : replacement);
    assertThat(bad).isNotEqualTo(frame);

    TestPeer attacker = fx.peer(ROOM);
    attacker.joinAndSync(0);
    observer.nextOf(ServerMessage.Joined.class);
    attacker.send(bad);
    TestPeer.Close closed = attacker.awaitClose();
    assertThat(closed.code()).isEqualTo(close);
    assertThat(attacker.received)
        .filteredOn(m -> m instanceof ServerMessage.Error)
        .extracting(m -> ((ServerMessage.Error) m).code())
        .containsExactly(code);
    observer.nextOf(ServerMessage.Left.class);

    // The honest members still talk, and never saw the bad note.
    Element fine = Element.note("n-fine-" + close + code, 0, 300, 200, "fine", PAPER, 10);
    forwarded(new Op.AddElement(fine), "op-fine-" + what.replace(' ', '-'));
    assertThat(observer.frames).noneMatch(f -> f.contains("n-bad"));
    assertThat(CloseCodes.isTerminal(close)).isFalse();
  }
}
