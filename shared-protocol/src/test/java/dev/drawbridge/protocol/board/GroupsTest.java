package dev.drawbridge.protocol.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.fixtures.Samples;
import dev.drawbridge.protocol.op.Op;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The {@code group} property (docs/protocol.md R121–R124), including hostile input. */
class GroupsTest {
  private static final ProtocolCodec codec = new ProtocolCodec();
  private static final Element BOX =
      Element.shape("box", ElementKind.RECTANGLE, 0, 0, 100, 50, Style.DEFAULT, 1);
  private static final Element TEXT = Element.text("label", 10, 10, "hi", Style.DEFAULT, 2);

  private static BoardState board(Element... elements) {
    BoardState state = new BoardState();
    long seq = 0;
    for (Element e : elements) {
      seq++;
      state.apply(seq, "add-" + seq, new Op.AddElement(e));
    }
    return state;
  }

  private static Op group(String id, String group) {
    return new Op.UpdateElement(id, ElementPatch.NONE.withGroup(group));
  }

  @Test
  void anEmptyGroupIsNoGroupAndElementsWithoutOneKeepTheirDigest() {
    assertThat(BOX.withGroup("")).isEqualTo(BOX);
    assertThat(BOX.withGroup("").group()).isNull();
    assertThat(BOX.withGroup(null).digest()).isEqualTo(BOX.digest());
    assertThat(BOX.withGroup("g1").digest()).isNotEqualTo(BOX.digest());
    assertThat(BOX.withGroup("g1").digest()).isNotEqualTo(BOX.withGroup("g2").digest());
    // The frozen board hash (BoardHashTest) covers boards without groups; it stays as it was.
    assertThat(board(BOX, TEXT).hash())
        .isEqualTo(board(BOX.withGroup(""), TEXT.withGroup(null)).hash());
  }

  @Test
  void groupingAndUngroupingAreUpdatesAndUndoIsTheirInverse() {
    BoardState state = board(BOX, TEXT);
    String ungrouped = state.hash();
    state.apply(3, "g-box", group("box", "g1"));
    state.apply(4, "g-text", group("label", "g1"));
    assertThat(state.get("box").group()).isEqualTo("g1");
    assertThat(state.get("label").group()).isEqualTo("g1");
    assertThat(state.hash()).isNotEqualTo(ungrouped);

    ElementPatch ungroup = ElementPatch.NONE.withGroup("");
    Element before = state.get("box");
    state.apply(5, "u-box", new Op.UpdateElement("box", ungroup));
    assertThat(state.get("box").group()).isNull();
    // Undo of the ungroup puts it back in its group; undo of the grouping takes it out again.
    assertThat(ungroup.inverseOn(before).group()).isEqualTo("g1");
    assertThat(ElementPatch.NONE.withGroup("g1").inverseOn(BOX).group()).isEmpty();
    state.apply(6, "u-text", group("label", ""));
    assertThat(state.hash()).isEqualTo(ungrouped);
  }

  @Test
  void concurrentGroupingsConvergeOnTheLastWritePerElement() {
    // Ana groups box and text as "a"; Ben, at the same time, groups text with a note as "b". Every
    // member applies the relay's order; the text ends in "b", the box stays alone in "a".
    Element note = Element.note("note", 200, 0, 100, "", Style.DEFAULT, 3);
    BoardState one = board(BOX, TEXT, note);
    BoardState two = board(BOX, TEXT, note);
    Op[] order = {group("box", "a"), group("label", "a"), group("label", "b"), group("note", "b")};
    for (int i = 0; i < order.length; i++) {
      one.apply(4 + i, "op" + i, order[i]);
    }
    // A second member sees the same ops in the same seq order, after a snapshot of the start.
    BoardState restored = BoardState.fromSnapshot(two.snapshot());
    for (int i = 0; i < order.length; i++) {
      restored.apply(4 + i, "op" + i, order[i]);
    }
    assertThat(restored.hash()).isEqualTo(one.hash());
    assertThat(one.get("box").group()).isEqualTo("a");
    assertThat(one.get("label").group()).isEqualTo("b");
    assertThat(one.get("note").group()).isEqualTo("b");
  }

  @Test
  void aDeletedMemberKeepsItsGroupForRestore() {
    BoardState state = board(BOX.withGroup("g1"), TEXT.withGroup("g1"));
    state.apply(3, "d", new Op.DeleteElement("box"));
    // R33: a patch on a tombstone is ignored unless it restores.
    state.apply(4, "g", group("box", ""));
    state.apply(5, "r", new Op.UpdateElement("box", ElementPatch.restore()));
    assertThat(state.get("box").group()).isEqualTo("g1");
  }

  private static ProtocolException.Reason decodeFails(String json) {
    try {
      codec.decodeOp(json);
    } catch (ProtocolException e) {
      return e.reason();
    }
    throw new AssertionError("decoded: " + json);
  }

  private static final String ADD =
      "{\"type\":\"add\",\"element\":{\"id\":\"el-a\",\"kind\":\"rectangle\",\"x\":0.0,\"y\":0.0,"
          + "\"w\":10.0,\"h\":10.0,\"points\":[],\"style\":{\"color\":\"#1e1e1e\",\"width\":2.0,"
          + "\"fill\":false,\"opacity\":1.0,\"fontSize\":20.0},\"z\":1.0,\"deleted\":false,"
          + "\"group\":";

  private static String update(String groupJson) {
    return "{\"type\":\"update\",\"elementId\":\"el-a\",\"patch\":{\"group\":" + groupJson + "}}";
  }

  @Test
  void hostileGroupsOnTheWireAreRefusedWithTheDocumentedReason() throws ProtocolException {
    assertThat(decodeFails(ADD + "\"bad id!\"}}"))
        .isEqualTo(ProtocolException.Reason.INVALID_VALUE);
    assertThat(decodeFails(ADD + "\"" + "g".repeat(65) + "\"}}"))
        .isEqualTo(ProtocolException.Reason.TOO_BIG);
    assertThat(decodeFails(ADD + "42}}")).isEqualTo(ProtocolException.Reason.WRONG_TYPE);
    assertThat(decodeFails(ADD + "{\"id\":\"g\"}}}"))
        .isEqualTo(ProtocolException.Reason.WRONG_TYPE);
    assertThat(decodeFails(update("\"../etc\""))).isEqualTo(ProtocolException.Reason.INVALID_VALUE);
    assertThat(decodeFails(update("\"" + "g".repeat(10_000) + "\"")))
        .isEqualTo(ProtocolException.Reason.TOO_BIG);
    // "" removes, null is "leave as is"; both decode.
    assertThat(((Op.UpdateElement) codec.decodeOp(update("\"\""))).patch().group()).isEmpty();
    assertThat(((Op.UpdateElement) codec.decodeOp(update("null"))).patch().group()).isNull();
    // An empty group in an add is no group at all: one representation (R121).
    assertThat(((Op.AddElement) codec.decodeOp(ADD + "\"\"}}")).element().group()).isNull();
  }

  @Test
  void aGroupIdThatNamesAnElementIsOnlyALabel() {
    BoardState state = board(BOX.withGroup("label"), TEXT);
    assertThat(state.get("box").group()).isEqualTo("label");
    assertThat(state.get("label").group()).isNull();
  }

  private record OldElement(String id, String kind, double x, double y, double w, double h) {}

  @Test
  void anOldClientReadsAGroupedElementAsThePlainElement() throws IOException {
    String golden =
        Files.readString(Path.of("src/test/resources/golden/Op-add-grouped.json")).strip();
    var mapper =
        JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    OldElement old = mapper.treeToValue(mapper.readTree(golden).get("element"), OldElement.class);
    Element rect = Samples.RECTANGLE;
    assertThat(old)
        .isEqualTo(new OldElement(rect.id(), "rectangle", rect.x(), rect.y(), rect.w(), rect.h()));
  }
}
