package dev.drawbridge.protocol.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.fixtures.Samples;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The board hash (docs/protocol.md R46) is part of the protocol: clients and relays of different
 * builds compare it, so its value for a given board is frozen here.
 */
class BoardHashTest {

  /** A fixed 1,000-element board built without any random generator. */
  static BoardState thousandElements() {
    BoardState state = new BoardState();
    for (int i = 0; i < 1_000; i++) {
      String id = "el-" + i;
      Element e =
          switch (i % 3) {
            case 0 ->
                Element.freehand(
                    id, ElementKind.STROKE, i, -i, Points.of(0, 0, i, i / 2f), Style.DEFAULT, i);
            case 1 ->
                Element.shape(
                    id,
                    ElementKind.RECTANGLE,
                    i * 0.5,
                    3,
                    10,
                    20,
                    Style.DEFAULT.withFill(true),
                    -i);
            default -> Element.text(id, 0, i, "text " + i, Style.DEFAULT, 0.25 * i);
          };
      state.apply(i + 1, "op-" + i, new Op.AddElement(e));
    }
    return state;
  }

  @Test
  void hashValuesAreFrozen() {
    assertThat(new BoardState().hash())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(BoardState.fromSnapshot(Samples.SNAPSHOT).hash())
        .isEqualTo("df7879d773ce1516592e23b9659aaf25c8bca3aba290e67492413053ecd67fcf");
    assertThat(thousandElements().hash()).isEqualTo(THOUSAND);
  }

  private static final String THOUSAND =
      "33c60caab66557e8d867f1d2bfa620ece6d7f2acd383f0aa02399ad3d1ac74f3";

  @Test
  void hashIgnoresSeqTombstonesAndArrivalOrder() {
    List<Element> elements = new ArrayList<>(thousandElements().allElements());
    Collections.shuffle(elements, new Random(3));
    BoardState shuffled = new BoardState();
    long seq = 500;
    for (Element e : elements) {
      shuffled.apply(seq += 7, "x" + seq, new Op.AddElement(e));
    }
    shuffled.apply(++seq, "ghost-add", new Op.AddElement(Samples.DELETED_LINE));
    assertThat(shuffled.hash()).isEqualTo(THOUSAND);
  }

  @Test
  void hashFollowsEveryChange() {
    BoardState state = thousandElements();
    List<String> seen = new ArrayList<>();
    seen.add(state.hash());
    long seq = state.headSeq();
    Op[] changes = {
      new Op.UpdateElement("el-1", ElementPatch.move(1, 1)),
      new Op.AppendPoints("el-0", Points.of(5, 5)),
      new Op.UpdateElement("el-2", ElementPatch.NONE.withText("changed")),
      new Op.UpdateElement("el-4", ElementPatch.NONE.withOpacity(0.5)),
      new Op.UpdateElement("el-4", ElementPatch.NONE.withZ(1e6)),
      new Op.DeleteElement("el-5"),
      new Op.AddElement(Element.shape("new", ElementKind.ELLIPSE, 0, 0, 1, 1, Style.DEFAULT, 1)),
    };
    for (Op op : changes) {
      assertThat(state.apply(++seq, "c" + seq, op)).isTrue();
      String hash = state.hash();
      assertThat(seen).doesNotContain(hash);
      seen.add(hash);
    }
    state.apply(++seq, "restore", new Op.UpdateElement("el-5", ElementPatch.restore()));
    state.apply(++seq, "undo-z", new Op.UpdateElement("el-4", ElementPatch.NONE.withZ(-4)));
    state.apply(++seq, "undo-add", new Op.DeleteElement("new"));
    assertThat(state.hash()).isEqualTo(seen.get(4));
  }

  @Test
  void aBoardLoadedFromASnapshotHashesAndChangesLikeTheOriginal() {
    BoardState original = thousandElements();
    original.apply(5_000, "d", new Op.DeleteElement("el-7"));
    BoardSnapshot snapshot = original.snapshot();
    List<Element> shuffled = new ArrayList<>(snapshot.elements());
    Collections.shuffle(shuffled, new Random(5));
    List<Element> repeated = new ArrayList<>(snapshot.elements());
    repeated.add(snapshot.elements().get(3).withDeleted(true)); // a malformed snapshot
    BoardState sorted = BoardState.fromSnapshot(snapshot);
    BoardState unsorted = BoardState.fromSnapshot(new BoardSnapshot(snapshot.seq(), shuffled));
    BoardState twice = BoardState.fromSnapshot(new BoardSnapshot(snapshot.seq(), repeated));
    assertThat(sorted.hash()).isEqualTo(original.hash());
    assertThat(unsorted.hash()).isEqualTo(original.hash());
    assertThat(twice.hash())
        .isEqualTo(twice.copy().hash())
        .isNotEqualTo(original.hash()); // the later entry wins, as in the element map
    for (BoardState s : List.of(original, sorted, unsorted)) {
      s.apply(5_001, "r", new Op.UpdateElement("el-7", ElementPatch.restore()));
      s.apply(5_002, "a", new Op.AddElement(Samples.STROKE));
      s.apply(5_003, "d2", new Op.DeleteElement("el-100"));
    }
    assertThat(sorted.hash()).isEqualTo(original.hash());
    assertThat(unsorted.hash()).isEqualTo(original.hash());
  }

  @Test
  void aCopyHashesLikeTheOriginalAfterTheSameChanges() {
    BoardState original = thousandElements();
    original.hash();
    BoardState copy = original.copy();
    for (BoardState s : List.of(original, copy)) {
      s.apply(2_000, "d", new Op.DeleteElement("el-9"));
      s.apply(2_001, "a", new Op.AddElement(Samples.TEXT));
    }
    assertThat(copy.hash()).isEqualTo(original.hash());
  }
}
