package dev.drawbridge.relay.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.relay.oplog.InMemoryOpLog;
import dev.drawbridge.relay.oplog.StoredOp;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** R15's id lookup: memory first, then the log, and the log only for ids it might hold. */
class SequencedIdsTest {
  private final RecordingOpLog log = new RecordingOpLog(new InMemoryOpLog());

  @Test
  void r15_storedIdsAreFoundInTheLogAndNewOnesWithoutAsking() {
    log.append("room", new StoredOp(1, "old", "a", new Op.DeleteElement("e"))).join();
    SequencedIds ids = new SequencedIds("room", log, 1);
    assertThat(ids.seqOf("old")).hasValue(1);
    assertThat(log.lookups.get()).isEqualTo(1);
    assertThat(ids.seqOf("new")).isEmpty();
    assertThat(log.lookups.get()).as("the filter knew it was new").isEqualTo(1);
  }

  @Test
  void r15_recentIdsAreAnsweredFromMemory() {
    SequencedIds ids = new SequencedIds("room", log, 0);
    ids.add("o1", 1, 0);
    assertThat(ids.seqOf("o1")).hasValue(1);
    assertThat(log.lookups.get()).isZero();
  }

  @Test
  void r15_trimmingKeepsTheNewestTenThousandAndEveryIdNotYetDurable() {
    SequencedIds ids = new SequencedIds("room", log, 0);
    for (int seq = 1; seq <= 10_050; seq++) {
      ids.add("o" + seq, seq, 0);
    }
    ids.trim(0);
    assertThat(ids.seqOf("o1")).as("not durable: the log cannot answer for it").hasValue(1);
    ids.trim(10_050);
    assertThat(ids.seqOf("o51")).hasValue(51);
    assertThat(log.lookups.get()).isZero();
    // Forgotten in memory, so the log is asked (this one never stored it).
    assertThat(ids.seqOf("o50")).isEqualTo(OptionalLong.empty());
    assertThat(log.lookups.get()).isEqualTo(1);
  }
}
