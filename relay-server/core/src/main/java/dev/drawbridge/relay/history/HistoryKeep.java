package dev.drawbridge.relay.history;

import dev.drawbridge.relay.oplog.OpLog;
import dev.drawbridge.relay.oplog.StoredOp;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Which ops a room keeps (R118, {@code --history-keep}): all of them, the newest {@code ops}, or
 * those of the last {@code days} days. The floor it computes is the lowest seq to keep; ops below
 * it may go once a snapshot covers them.
 *
 * @param ops keep this many newest ops (0: not counted)
 * @param days keep the ops of this many days (0: not by age)
 */
public record HistoryKeep(long ops, int days) {
  public static final HistoryKeep EVERYTHING = new HistoryKeep(0, 0);

  /**
   * Never fewer: a snapshot is stored every 1,000 ops (more on a big board), and a smaller window
   * would keep almost nothing beyond the snapshot joiners get anyway.
   */
  public static final long MIN_OPS = 1_000;

  public HistoryKeep {
    if (ops < 0 || days < 0 || ops > 0 && days > 0) {
      throw new IllegalArgumentException("keep a number of ops or of days, not both");
    }
    if (ops > 0 && ops < MIN_OPS) {
      throw new IllegalArgumentException("keep at least " + MIN_OPS + " ops");
    }
  }

  /**
   * {@code all}, a number of ops ({@code 100000}) or of days ({@code 30d}); what {@code
   * --history-keep} takes.
   */
  public static HistoryKeep parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (s.equals("all")) {
        return EVERYTHING;
      }
      if (s.endsWith("d")) {
        int days = Integer.parseInt(s.substring(0, s.length() - 1));
        if (days < 1) {
          throw new IllegalArgumentException("keep at least 1 day");
        }
        return new HistoryKeep(0, days);
      }
      return new HistoryKeep(Long.parseLong(s), 0);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--history-keep takes all, a number of ops (100000) or of days (30d): " + text, e);
    }
  }

  public boolean keepsAll() {
    return ops == 0 && days == 0;
  }

  /**
   * The lowest seq to keep in a room whose ops run up to {@code head}, at {@code nowMillis}: by
   * age, the first op stamped within the window (a binary search over the log, ~17 reads for
   * 100,000 ops; ops with no time, stored before R116, count as older than any). Seqs only grow and
   * the relay's clock mostly does: a clock that stepped back keeps a few ops more or fewer.
   */
  public long floor(OpLog log, String room, long head, long nowMillis) {
    if (keepsAll()) {
      return 1;
    }
    if (ops > 0) {
      return Math.max(1, head - ops + 1);
    }
    long cutoff = nowMillis - Duration.ofDays(days).toMillis();
    long lo = 1;
    long hi = head + 1;
    while (lo < hi) {
      long mid = lo + (hi - lo) / 2;
      List<StoredOp> at = log.readAfter(room, mid - 1, 1);
      if (at.isEmpty() || at.getFirst().t() >= cutoff) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  @Override
  public String toString() {
    return keepsAll() ? "all" : ops > 0 ? ops + " ops" : days + " days";
  }
}
