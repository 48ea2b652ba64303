package dev.drawbridge.relay.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.relay.oplog.InMemoryOpLog;
import dev.drawbridge.relay.oplog.StoredOp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One page (R117, R118): bounds by count and by JSON size, the base, the head. */
class HistoryPagesTest {
  private final InMemoryOpLog log = new InMemoryOpLog();

  private static Op stroke(String id, int points) {
    float[] xy = new float[points * 2];
    for (int i = 0; i < xy.length; i++) {
      xy[i] = i * 1.25f + 0.001f * i;
    }
    return new Op.AddElement(
        Element.freehand(id, ElementKind.STROKE, 0, 0, Points.of(xy), Style.DEFAULT, 1));
  }

  private void fill(int n, int points) {
    for (int seq = 1; seq <= n; seq++) {
      log.append("r", new StoredOp(seq, "o" + seq, "c", stroke("e" + seq, points), 1000 + seq));
    }
  }

  @Test
  void aPageHoldsAtMostTheLimitAndThePageSize() {
    fill(30, 2);
    HistoryPages pages = new HistoryPages(log, 10);
    ServerMessage.History page = pages.read("r", 1, 2000);
    assertThat(page.ops())
        .extracting(HistoryOp::seq)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(page.next()).isEqualTo(11L);
    assertThat(pages.read("r", 25, 3).ops())
        .extracting(HistoryOp::seq)
        .containsExactly(25L, 26L, 27L);
    ServerMessage.History last = pages.read("r", 25, 2000);
    assertThat(last.ops()).hasSize(6);
    assertThat(last.next()).isNull();
    assertThat(last.headSeq()).isEqualTo(30);
    assertThat(last.ops().getFirst().t()).isEqualTo(1025L);
    ServerMessage.History beyond = pages.read("r", 31, 10);
    assertThat(beyond.ops()).isEmpty();
    assertThat(beyond.next()).isNull();
    assertThat(new HistoryPages(log, 10).read("empty", 1, 10).headSeq()).isZero();
  }

  /** Ops of ~30 KB each: a page stops near 1 MiB of JSON, and its encoded size says so. */
  @Test
  void aPageStopsAtAboutOneMebibyteOfJsonButHoldsAtLeastOneOp() {
    fill(60, 2_000);
    HistoryPages pages = new HistoryPages(log, 2000);
    ServerMessage.History page = pages.read("r", 1, 2000);
    int bytes = new ProtocolCodec().encodeToBytes(page).length;
    assertThat(page.ops().size()).isBetween(2, 59);
    assertThat(bytes).isLessThanOrEqualTo(HistoryPages.MAX_PAGE_JSON_BYTES + 4096);
    assertThat(bytes).isGreaterThan(HistoryPages.MAX_PAGE_JSON_BYTES / 2);
    assertThat(page.next()).isEqualTo(page.ops().size() + 1L);
    ServerMessage.History rest = pages.read("r", page.next(), 2000);
    assertThat(rest.ops().getFirst().seq()).isEqualTo(page.next());
  }

  /** The page is written by hand around the stored JSON: exactly as the codec would write it. */
  @Test
  void aPageIsByteForByteWhatTheCodecWrites() {
    fill(12, 3);
    log.append("r", new StoredOp(13, "untimed", "c", stroke("u", 2)));
    log.trimHistory("r", new BoardSnapshot(4, List.of()), 3);
    HistoryPages pages = new HistoryPages(log, 5);
    ProtocolCodec codec = new ProtocolCodec();
    for (long from : new long[] {1, 4, 5, 9, 11, 13, 14, 99}) {
      List<HistoryOp> ops =
          log.readAfter("r", Math.max(from, 5) - 1, 5).stream()
              .map(o -> new HistoryOp(o.seq(), o.id(), o.clientId(), o.t(), o.op()))
              .toList();
      long last = ops.isEmpty() ? 0 : ops.getLast().seq();
      ServerMessage.History expected =
          new ServerMessage.History(
              from,
              from <= 4 ? new BoardSnapshot(4, List.of()) : null,
              ops,
              !ops.isEmpty() && last < 13 ? last + 1 : null,
              13);
      assertThat(new String(pages.page("r", from, 2000).json(), StandardCharsets.UTF_8))
          .as("from %d", from)
          .isEqualTo(codec.encode(expected));
    }
  }

  @Test
  void belowTheBaseAPageStartsWithTheBase() {
    fill(20, 2);
    BoardSnapshot base = new BoardSnapshot(12, List.of());
    log.trimHistory("r", base, 11);
    HistoryPages pages = new HistoryPages(log, 5);
    ServerMessage.History page = pages.read("r", 3, 2000);
    assertThat(page.base()).isEqualTo(base);
    assertThat(page.from()).isEqualTo(3);
    assertThat(page.ops()).extracting(HistoryOp::seq).containsExactly(13L, 14L, 15L, 16L, 17L);
    assertThat(pages.read("r", 12, 1).base()).isEqualTo(base);
    assertThat(pages.read("r", 13, 1).base()).isNull();
    assertThat(pages.read("r", 11, 1).ops()).extracting(HistoryOp::seq).containsExactly(13L);
  }

  @Test
  void retentionKeepsOpsByCountOrByAge() {
    fill(100, 1);
    assertThat(HistoryKeep.parse("all").keepsAll()).isTrue();
    assertThat(HistoryKeep.parse("1000").floor(log, "r", 5000, 0)).isEqualTo(4001);
    assertThat(HistoryKeep.parse("1000").floor(log, "r", 100, 0)).isEqualTo(1);
    // Op seq s was stamped 1000 + s ms: a day's window ending at 1 day + 1050 ms keeps 50 on.
    long day = 86_400_000L;
    assertThat(HistoryKeep.parse("1d").floor(log, "r", 100, day + 1050)).isEqualTo(50);
    assertThat(HistoryKeep.parse("1d").floor(log, "r", 100, 2 * day)).isEqualTo(101);
    assertThat(HistoryKeep.parse("30d")).isEqualTo(new HistoryKeep(0, 30));
    for (String bad : new String[] {"0d", "-3", "999", "ten", "5w"}) {
      assertThatThrownBy(() -> HistoryKeep.parse(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
