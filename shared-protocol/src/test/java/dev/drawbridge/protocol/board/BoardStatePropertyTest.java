package dev.drawbridge.protocol.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.fixtures.RandomProtocol;
import dev.drawbridge.protocol.fixtures.Seeds;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded properties of the reducer (docs/protocol.md R40–R47). Each seed builds a stream of
 * confirmed ops over a small pool of element ids, so adds, appends, updates, deletes and restores
 * keep meeting the same elements, unknown ones and tombstones.
 */
class BoardStatePropertyTest {
  // One codec for every case, as in production: building one costs more than a test case.
  private static final ProtocolCodec codec = new ProtocolCodec();

  /** 200 fixed seeds (regressions) and this run's fresh one. */
  static LongStream seeds() {
    return Seeds.fixedPlusFresh(200);
  }

  /** One confirmed op as the relay hands it out. */
  record Confirmed(long seq, String id, Op op) {}

  private static List<Confirmed> stream(RandomProtocol gen, int count) {
    List<String> elementIds = gen.ids(gen.between(1, 8));
    List<Confirmed> ops = new ArrayList<>(count);
    long seq = gen.between(0, 5);
    for (int i = 0; i < count; i++) {
      seq += gen.chance(0.9) ? 1 : gen.between(2, 5); // R40: seqs only grow; gaps are harmless here
      ops.add(new Confirmed(seq, "op-" + i, gen.op(elementIds)));
    }
    return ops;
  }

  private static BoardState applyAll(BoardState state, List<Confirmed> ops) {
    for (Confirmed c : ops) {
      state.apply(c.seq(), c.id(), c.op());
    }
    return state;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sameOpsInSameOrderGiveSameBoard(long seed) {
    List<Confirmed> ops = stream(new RandomProtocol(seed), 60);
    BoardState a = applyAll(new BoardState(), ops);
    BoardState b = applyAll(new BoardState(), ops);
    assertThat(b.hash()).as("R46, seed %d", seed).isEqualTo(a.hash());
    assertThat(b.snapshot()).isEqualTo(a.snapshot());
    assertThat(b.visibleElements()).isEqualTo(a.visibleElements());
    assertThat(a.headSeq()).isEqualTo(ops.getLast().seq());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aCopyContinuesLikeTheOriginal(long seed) {
    RandomProtocol gen = new RandomProtocol(seed);
    List<Confirmed> ops = stream(gen, 60);
    int cut = gen.between(0, ops.size());
    BoardState original = applyAll(new BoardState(), ops.subList(0, cut));
    original.hash(); // fill the digest cache before copying
    BoardState copy = original.copy();
    applyAll(original, ops.subList(cut, ops.size()));
    applyAll(copy, ops.subList(cut, ops.size()));
    assertThat(copy.hash()).as("seed %d", seed).isEqualTo(original.hash());
    assertThat(copy.hash()).isEqualTo(applyAll(new BoardState(), ops).hash());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aCopyIsIndependent(long seed) {
    RandomProtocol gen = new RandomProtocol(seed);
    List<Confirmed> ops = stream(gen, 40);
    BoardState state = applyAll(new BoardState(), ops);
    String before = state.hash();
    BoardState copy = state.copy();
    long seq = state.headSeq();
    List<String> ids = gen.ids(8);
    for (int i = 0; i < 20; i++) {
      copy.apply(++seq, "later-" + i, gen.op(ids));
      copy.applyOp(gen.op(ids));
    }
    assertThat(state.hash()).isEqualTo(before);
    assertThat(state.headSeq()).isEqualTo(ops.getLast().seq());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void repeatedOpIdsAreNoOps(long seed) {
    RandomProtocol gen = new RandomProtocol(seed);
    List<Confirmed> ops = stream(gen, 50);
    List<Confirmed> withRepeats = new ArrayList<>();
    List<String> ids = gen.ids(8);
    long shift = 0;
    for (Confirmed c : ops) {
      withRepeats.add(new Confirmed(c.seq() + shift, c.id(), c.op()));
      if (gen.chance(0.3)) {
        // R41: an op id seen before is ignored, whatever it now carries and whatever its seq.
        Confirmed old = gen.pick(withRepeats);
        shift++;
        Op payload = gen.chance(0.5) ? old.op() : gen.op(ids);
        withRepeats.add(new Confirmed(c.seq() + shift, old.id(), payload));
      }
    }
    BoardState plain = applyAll(new BoardState(), ops);
    BoardState repeated = new BoardState();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Confirmed c : withRepeats) {
      boolean isRepeat = !seen.add(c.id());
      String before = isRepeat ? repeated.hash() : null;
      boolean changed = repeated.apply(c.seq(), c.id(), c.op());
      if (isRepeat) {
        assertThat(changed).as("seed %d: repeat of %s", seed, c.id()).isFalse();
        assertThat(repeated.hash()).isEqualTo(before);
        assertThat(repeated.headSeq()).isEqualTo(c.seq());
      }
    }
    assertThat(repeated.hash()).as("seed %d", seed).isEqualTo(plain.hash());
    assertThat(repeated.snapshot().elements()).isEqualTo(plain.snapshot().elements());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void opsAtOrBelowTheHeadAreIgnored(long seed) {
    RandomProtocol gen = new RandomProtocol(seed);
    List<Confirmed> ops = stream(gen, 40);
    BoardState state = applyAll(new BoardState(), ops);
    String hash = state.hash();
    long head = state.headSeq();
    List<String> ids = gen.ids(8);
    for (int i = 0; i < 20; i++) {
      long stale = head - gen.between(0, (int) Math.min(head, 50));
      assertThat(state.apply(stale, "stale-" + i, gen.op(ids))).isFalse();
    }
    assertThat(state.hash()).as("R40, seed %d", seed).isEqualTo(hash);
    assertThat(state.headSeq()).isEqualTo(head);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void snapshotThenMoreOpsEqualsAllOps(long seed) throws ProtocolException {
    RandomProtocol gen = new RandomProtocol(seed);
    List<Confirmed> ops = stream(gen, 60);
    int cut = gen.between(0, ops.size());
    BoardState direct = applyAll(new BoardState(), ops);

    BoardState before = applyAll(new BoardState(), ops.subList(0, cut));
    String wire = codec.encodeSnapshot(before.snapshot());
    BoardState restored = BoardState.fromSnapshot(codec.decodeSnapshot(wire));
    assertThat(restored.hash()).isEqualTo(before.hash());
    assertThat(restored.headSeq()).isEqualTo(before.headSeq());
    applyAll(restored, ops.subList(cut, ops.size()));

    assertThat(restored.hash()).as("R47, seed %d, cut %d", seed, cut).isEqualTo(direct.hash());
    assertThat(restored.snapshot()).isEqualTo(direct.snapshot());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void lastWriterWinsPerProperty(long seed) {
    RandomProtocol gen = new RandomProtocol(seed);
    Element original = gen.element("e0").withDeleted(false);
    ElementPatch first = withoutDeleted(gen.patch());
    ElementPatch second = withoutDeleted(gen.patch());
    BoardState state = new BoardState();
    state.apply(1, "a", new Op.AddElement(original));
    state.apply(2, "b", new Op.UpdateElement("e0", first));
    state.apply(3, "c", new Op.UpdateElement("e0", second));
    Element e = state.get("e0");

    // R42: each property holds the value of the latest op that set it.
    assertThat(e.x()).isEqualTo(latest(original.x(), first.x(), second.x()));
    assertThat(e.y()).isEqualTo(latest(original.y(), first.y(), second.y()));
    assertThat(e.w()).isEqualTo(latest(original.w(), first.w(), second.w()));
    assertThat(e.h()).isEqualTo(latest(original.h(), first.h(), second.h()));
    assertThat(e.z()).isEqualTo(latest(original.z(), first.z(), second.z()));
    assertThat(e.style().color())
        .isEqualTo(latest(original.style().color(), first.color(), second.color()));
    assertThat(e.style().width())
        .isEqualTo(latest(original.style().width(), first.width(), second.width()));
    assertThat(e.style().fill())
        .isEqualTo(latest(original.style().fill(), first.fill(), second.fill()));
    assertThat(e.style().opacity())
        .isEqualTo(latest(original.style().opacity(), first.opacity(), second.opacity()));
    assertThat(e.style().fontSize())
        .isEqualTo(latest(original.style().fontSize(), first.fontSize(), second.fontSize()));
    String expectedText =
        original.kind() == dev.drawbridge.protocol.element.ElementKind.TEXT
            ? latest(original.text(), first.text(), second.text())
            : original.text(); // R33: text only changes text elements
    assertThat(e.text()).isEqualTo(expectedText);
    assertThat(e.points()).isEqualTo(original.points());
    assertThat(e.author()).isEqualTo(original.author());
    // R100, R104: the connector fields are properties like the others, on lines and arrows only.
    boolean connector = original.kind().isConnector();
    assertThat(e.startBinding())
        .isEqualTo(
            freeIsNull(
                connector
                    ? latest(original.startBinding(), first.startBinding(), second.startBinding())
                    : original.startBinding()));
    assertThat(e.endBinding())
        .isEqualTo(
            freeIsNull(
                connector
                    ? latest(original.endBinding(), first.endBinding(), second.endBinding())
                    : original.endBinding()));
    assertThat(e.label())
        .isEqualTo(
            emptyIsNull(
                connector ? latest(original.label(), first.label(), second.label()) : null));
  }

  private static dev.drawbridge.protocol.element.Binding freeIsNull(
      dev.drawbridge.protocol.element.Binding b) {
    return b == null || b.isFree() ? null : b;
  }

  private static String emptyIsNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void deleteIsATombstoneAndRestoreBringsItBack(long seed) {
    RandomProtocol gen = new RandomProtocol(seed);
    BoardState state = new BoardState();
    Element other = gen.element("other").withDeleted(false);
    Element target = gen.element("target").withDeleted(false);
    state.apply(1, "o1", new Op.AddElement(other));
    String withoutTarget = state.hash();
    state.apply(2, "o2", new Op.AddElement(target));
    String withTarget = state.hash();
    assertThat(withTarget).isNotEqualTo(withoutTarget);

    assertThat(state.apply(3, "o3", new Op.DeleteElement("target"))).isTrue();
    assertThat(state.get("target").deleted()).isTrue(); // R43: kept as a tombstone
    assertThat(state.visibleElements()).containsExactly(other);
    assertThat(state.hash()).isEqualTo(withoutTarget);
    assertThat(state.snapshot().elements()).extracting(Element::id).contains("target");

    // R43/R44: a deleted element ignores every op but a restore; a re-add never resurrects it.
    long seq = 4;
    assertThat(state.apply(seq++, "o4", new Op.DeleteElement("target"))).isFalse();
    assertThat(state.apply(seq++, "o5", new Op.AddElement(gen.element("target")))).isFalse();
    assertThat(state.apply(seq++, "o6", new Op.AppendPoints("target", gen.points(5)))).isFalse();
    ElementPatch nonRestoring = withoutDeleted(gen.patch());
    assertThat(state.apply(seq++, "o7", new Op.UpdateElement("target", nonRestoring))).isFalse();
    assertThat(state.hash()).isEqualTo(withoutTarget);

    assertThat(state.apply(seq++, "o8", new Op.UpdateElement("target", ElementPatch.restore())))
        .isTrue();
    assertThat(state.get("target")).isEqualTo(target);
    assertThat(state.hash()).isEqualTo(withTarget);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void opsOnUnknownElementsAreIgnored(long seed) {
    RandomProtocol gen = new RandomProtocol(seed);
    BoardState state = applyAll(new BoardState(), stream(gen, 30));
    String hash = state.hash();
    var snapshot = state.snapshot().elements();
    long seq = state.headSeq();
    for (int i = 0; i < 20; i++) {
      String unknown = "unknown-" + i;
      Op op =
          switch (i % 3) {
            case 0 -> new Op.AppendPoints(unknown, gen.points(4));
            case 1 -> new Op.UpdateElement(unknown, gen.patch());
            default -> new Op.DeleteElement(unknown);
          };
      assertThat(state.apply(++seq, "u" + i, op)).as("R44, seed %d", seed).isFalse();
      assertThat(state.headSeq()).isEqualTo(seq);
    }
    assertThat(state.hash()).isEqualTo(hash);
    assertThat(state.snapshot().elements()).isEqualTo(snapshot);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void pendingOpsOnACopyLeaveTheConfirmedBoardAlone(long seed) {
    RandomProtocol gen = new RandomProtocol(seed);
    List<Confirmed> ops = stream(gen, 30);
    BoardState confirmed = applyAll(new BoardState(), ops);
    String hash = confirmed.hash();
    BoardState shown = confirmed.copy();
    List<String> ids = gen.ids(8);
    for (int i = 0; i < 10; i++) {
      shown.applyOp(gen.op(ids)); // R47: pending local ops, no seq or id bookkeeping
    }
    assertThat(shown.headSeq()).isEqualTo(confirmed.headSeq());
    assertThat(confirmed.hash()).isEqualTo(hash);
  }

  private static ElementPatch withoutDeleted(ElementPatch p) {
    return RandomProtocol.withDeleted(p, null);
  }

  private static <T> T latest(T original, T first, T second) {
    return second != null ? second : first != null ? first : original;
  }
}
