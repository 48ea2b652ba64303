package dev.drawbridge.protocol.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.fixtures.RandomProtocol;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of the reducer (docs/protocol.md R40–R47): the fuzzer picks a stream of
 * confirmed ops over four element ids (each op's body from {@link RandomProtocol} on a fuzzed
 * seed), with repeated op ids (R41) and stale seqs (R40), and a cut point. Applying them never
 * throws, two boards given the same ops hash alike (R46), and a snapshot at the cut, through the
 * codec and {@link BoardState#fromSnapshot}, plus the rest of the ops equals applying them all
 * (R47).
 */
class ReducerFuzzTest {
  private static final int MAX_OPS = 64;
  private static final List<String> IDS = List.of("e0", "e1", "e2", "e3");
  private static final ProtocolCodec codec = new ProtocolCodec();

  record Confirmed(long seq, String id, Op op) {}

  @FuzzTest(maxDuration = "2m")
  void snapshotPlusRestEqualsAllAndSameOpsHashAlike(FuzzedDataProvider data)
      throws ProtocolException {
    int count = data.consumeInt(0, MAX_OPS);
    int cut = data.consumeInt(0, count);
    List<Confirmed> ops = new ArrayList<>(count);
    long seq = 0;
    for (int i = 0; i < count && data.remainingBytes() > 0; i++) {
      seq += data.consumeInt(0, 2); // 0: a seq at or below the head, ignored (R40)
      // A repeated id is ignored (R41); R15 means ids never repeat across the snapshot's cut.
      String opId = "op-" + data.consumeInt(i < cut ? 0 : cut, i);
      ops.add(new Confirmed(seq, opId, new RandomProtocol(data.consumeLong()).op(IDS)));
    }
    cut = Math.min(cut, ops.size());

    BoardState direct = applyAll(new BoardState(), ops);
    BoardState again = applyAll(new BoardState(), ops);
    assertThat(again.hash()).as("R46").isEqualTo(direct.hash());
    assertThat(again.snapshot()).isEqualTo(direct.snapshot());

    BoardState before = applyAll(new BoardState(), ops.subList(0, cut));
    BoardState restored =
        BoardState.fromSnapshot(codec.decodeSnapshot(codec.encodeSnapshot(before.snapshot())));
    assertThat(restored.hash()).isEqualTo(before.hash());
    assertThat(restored.headSeq()).isEqualTo(before.headSeq());
    applyAll(restored, ops.subList(cut, ops.size()));
    assertThat(restored.hash()).as("R47, cut %d of %d", cut, ops.size()).isEqualTo(direct.hash());
    assertThat(restored.snapshot()).isEqualTo(direct.snapshot());
  }

  private static BoardState applyAll(BoardState state, List<Confirmed> ops) {
    for (Confirmed c : ops) {
      state.apply(c.seq(), c.id(), c.op());
    }
    return state;
  }
}
