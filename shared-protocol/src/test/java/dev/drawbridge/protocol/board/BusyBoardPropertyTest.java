package dev.drawbridge.protocol.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.fixtures.BusyBoard;
import dev.drawbridge.protocol.fixtures.BusyBoard.Confirmed;
import dev.drawbridge.protocol.fixtures.Seeds;
import dev.drawbridge.protocol.op.Op;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reducer's rules (R31, R33, R34, R42–R44, R47) on boards as busy as real ones: 1,500 ops, a
 * few hundred live elements, one element edited by everyone, deletes and restores racing. Each
 * property is checked against an oracle or an independent computation, not only against a second
 * run of the reducer. Eight fixed seeds plus one fresh seed per run ({@link Seeds}).
 */
class BusyBoardPropertyTest {
  private static final int OPS = 1_500;
  private static final ProtocolCodec codec = new ProtocolCodec();

  static LongStream seeds() {
    return Seeds.fixedPlusFresh(8);
  }

  private static BoardState applyAll(BoardState state, List<Confirmed> ops) {
    for (Confirmed c : ops) {
      state.apply(c.seq(), c.id(), c.op());
    }
    return state;
  }

  /** The generator does what it is for: these boards are deep, and most ops change them. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void busyBoardsHoldHundredsOfElementsAndMostOpsChangeThem(long seed) {
    List<Confirmed> ops = new BusyBoard(seed).ops(OPS);
    BoardState state = new BoardState();
    int changed = 0;
    for (Confirmed c : ops) {
      String before = state.hash();
      state.apply(c.seq(), c.id(), c.op());
      changed += state.hash().equals(before) ? 0 : 1;
    }
    assertThat(state.visibleElements()).as("seed %d", seed).hasSizeGreaterThan(150);
    assertThat(changed).as("ops that changed the board, seed %d", seed).isGreaterThan(OPS * 6 / 10);
  }

  /** R31, R33, R34, R43, R44: each element's tombstone and colour, from its own ops alone. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyElementEndsAsItsOwnOpsSay(long seed) {
    List<Confirmed> ops = new BusyBoard(seed).ops(OPS);
    BoardState state = applyAll(new BoardState(), ops);
    for (String id : targets(ops)) {
      Expected expected = Expected.of(ops, id);
      Element actual = state.get(id);
      if (!expected.exists()) {
        assertThat(actual).as("%s never added, seed %d", id, seed).isNull();
        continue;
      }
      assertThat(actual.deleted())
          .as("%s deleted, seed %d", id, seed)
          .isEqualTo(expected.deleted());
      assertThat(actual.style().color())
          .as("%s colour, seed %d", id, seed)
          .isEqualTo(expected.color());
    }
  }

  /** R42: ops on other elements never change an element; its own ops alone rebuild it. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void anElementsOwnOpsAloneRebuildIt(long seed) {
    BusyBoard busy = new BusyBoard(seed);
    List<Confirmed> ops = busy.ops(OPS);
    BoardState all = applyAll(new BoardState(), ops);
    List<String> ids = List.copyOf(targets(ops));
    for (int i = 0; i < 25; i++) {
      String id = i == 0 ? BusyBoard.HOT : busy.random().pick(ids);
      List<Confirmed> own = ops.stream().filter(c -> id.equals(c.op().elementId())).toList();
      BoardState alone = applyAll(new BoardState(), own);
      assertThat(alone.get(id)).as("%s, seed %d", id, seed).isEqualTo(all.get(id));
    }
  }

  /** R47: a snapshot at any point, through the wire, continues to the same board. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aSnapshotAtAnyPointContinuesToTheSameBoard(long seed) throws ProtocolException {
    BusyBoard busy = new BusyBoard(seed);
    List<Confirmed> ops = busy.ops(OPS);
    BoardState direct = applyAll(new BoardState(), ops);
    for (int i = 0; i < 5; i++) {
      int cut = busy.random().between(0, OPS);
      BoardState before = applyAll(new BoardState(), ops.subList(0, cut));
      BoardState restored =
          BoardState.fromSnapshot(codec.decodeSnapshot(codec.encodeSnapshot(before.snapshot())));
      applyAll(restored, ops.subList(cut, OPS));
      assertThat(restored.snapshot()).as("seed %d, cut %d", seed, cut).isEqualTo(direct.snapshot());
      assertThat(restored.hash()).isEqualTo(direct.hash());
    }
  }

  private static Set<String> targets(List<Confirmed> ops) {
    Set<String> ids = new LinkedHashSet<>();
    ops.forEach(c -> ids.add(c.op().elementId()));
    return ids;
  }

  /** An oracle written from docs/protocol.md, independent of BoardState's code. */
  private record Expected(boolean exists, boolean deleted, String color) {
    static Expected of(List<Confirmed> ops, String id) {
      Expected e = new Expected(false, false, null);
      for (Confirmed c : ops) {
        if (id.equals(c.op().elementId())) {
          e = e.after(c.op());
        }
      }
      return e;
    }

    Expected after(Op op) {
      if (op instanceof Op.AddElement a) {
        // R31: a second add of an id is ignored.
        return exists
            ? this
            : new Expected(true, a.element().deleted(), a.element().style().color());
      }
      if (!exists) {
        return this; // R44: nothing applies to an unknown id
      }
      if (op instanceof Op.DeleteElement) {
        return new Expected(true, true, color); // R34
      }
      if (op instanceof Op.UpdateElement u) {
        ElementPatch p = u.patch();
        if (deleted && !Boolean.FALSE.equals(p.deleted())) {
          return this; // R33/R44: on a tombstone only a restoring patch applies
        }
        return new Expected(
            true,
            p.deleted() != null ? p.deleted() : deleted,
            p.color() != null ? p.color() : color); // R42
      }
      return this; // appends change neither
    }
  }
}
