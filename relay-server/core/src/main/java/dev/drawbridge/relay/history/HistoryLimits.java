package dev.drawbridge.relay.history;

import dev.drawbridge.protocol.validation.ProtocolLimits;

/**
 * The bounds on serving history (docs/relay.md lists the defaults and flags).
 *
 * @param maxPage the most ops in one page, sent in every welcome as {@code maxHistoryPage} (R120);
 *     1 to {@link ProtocolLimits#MAX_HISTORY_PAGE_OPS}
 * @param pagesPerSecond sustained {@code history_get} per connection; above it {@code
 *     history_refused{rate_limited}} (R119)
 * @param pageBurst pages a connection may ask for at once
 * @param keep which ops the op log keeps (R118; everything by default)
 */
public record HistoryLimits(
    int maxPage, double pagesPerSecond, double pageBurst, HistoryKeep keep) {
  /**
   * 20 pages a second after a burst of 60: a client fetching a 100,000-op room (50 full pages) in
   * one go is never slowed, while a connection asking in a loop costs the relay at most 20 page
   * reads (≤ 40,000 ops) a second.
   */
  public static final double DEFAULT_PAGES_PER_SECOND = 20;

  public static final double DEFAULT_PAGE_BURST = 60;

  public HistoryLimits {
    if (maxPage < 1 || maxPage > ProtocolLimits.MAX_HISTORY_PAGE_OPS) {
      throw new IllegalArgumentException(
          "the history page size must be 1–" + ProtocolLimits.MAX_HISTORY_PAGE_OPS + " ops");
    }
    if (pagesPerSecond <= 0 || pageBurst < 1) {
      throw new IllegalArgumentException("the history page rate must be positive, the burst ≥ 1");
    }
    if (keep == null) {
      throw new IllegalArgumentException("a retention policy is required");
    }
  }

  public static HistoryLimits defaults() {
    return new HistoryLimits(
        ProtocolLimits.MAX_HISTORY_PAGE_OPS,
        DEFAULT_PAGES_PER_SECOND,
        DEFAULT_PAGE_BURST,
        HistoryKeep.EVERYTHING);
  }

  public HistoryLimits withMaxPage(int v) {
    return new HistoryLimits(v, pagesPerSecond, pageBurst, keep);
  }

  public HistoryLimits withRate(double perSecond, double burst) {
    return new HistoryLimits(maxPage, perSecond, burst, keep);
  }

  public HistoryLimits withKeep(HistoryKeep v) {
    return new HistoryLimits(maxPage, pagesPerSecond, pageBurst, v);
  }
}
