package dev.drawbridge.relay.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.relay.oplog.StoredOp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * The ops between the durable seq and the head (R26), as joiners and the history check see them.
 */
class UnstoredOpsTest {

  @Test
  void r26_opsLeaveMemoryOnceStoredAndTheirWaitIsMetered() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    UnstoredOps ops = new UnstoredOps(10);
    for (long seq = 11; seq <= 13; seq++) {
      ops.add(
          new StoredOp(seq, "o" + seq, "a", new Op.DeleteElement("e")), new Outbound(new byte[0]));
    }
    assertThat(ops.idAt(12)).isEqualTo("o12");
    assertThat(ops.idAt(14)).isNull();

    ops.storedUpTo(12, new RoomMetrics(meters));
    assertThat(ops.durable()).isEqualTo(12);
    assertThat(ops.size()).isEqualTo(1);
    assertThat(ops.idAt(12)).as("in the log now").isNull();
    assertThat(ops.copy()).singleElement().extracting(u -> u.op().seq()).isEqualTo(13L);
    assertThat(meters.timer("drawbridge.ops.storage").count()).isEqualTo(2);
  }
}
