package dev.drawbridge.relay.bench;

import java.util.Locale;

/**
 * What a bench run measured. Latencies are from the sender's send call to a receiver's decode, both
 * in this process (one clock).
 *
 * @param sent ops sent
 * @param acked ops the relay acked
 * @param delivered op broadcasts received (all receivers)
 * @param expected broadcasts that should have been received: acked ops × (room members − 1)
 * @param lost expected − unique delivered (never negative)
 * @param duplicates broadcasts a receiver got twice (same seq)
 * @param nacked ops refused (rate limit)
 * @param durableP50Ms from an op's send to its author hearing it is durable (R26), median; 0 for a
 *     raw relay
 * @param durableP99Ms the same, 99th percentile
 * @param stalledCloseCodes close codes the stalled connections found when they finally read (1006:
 *     dropped without a close frame; -1: still open), empty without stalled connections
 * @param durable acked ops their author heard are durable (R26); 0 for a raw relay
 */
public record BenchReport(
    long sent,
    long acked,
    long delivered,
    long expected,
    long lost,
    long duplicates,
    long nacked,
    double p50Ms,
    double p95Ms,
    double p99Ms,
    double maxMs,
    double durableP50Ms,
    double durableP99Ms,
    double deliveriesPerSecond,
    double seconds,
    java.util.List<Integer> stalledCloseCodes,
    long durable) {

  public String toJson() {
    return String.format(
        Locale.ROOT,
        "{\"sent\":%d,\"acked\":%d,\"delivered\":%d,\"expected\":%d,\"lost\":%d,\"duplicates\":%d,"
            + "\"nacked\":%d,\"p50Ms\":%.3f,\"p95Ms\":%.3f,\"p99Ms\":%.3f,\"maxMs\":%.3f,"
            + "\"durableP50Ms\":%.3f,\"durableP99Ms\":%.3f,"
            + "\"deliveriesPerSecond\":%.1f,\"seconds\":%.3f,\"stalledCloseCodes\":%s,\"durable\":%d}",
        sent,
        acked,
        delivered,
        expected,
        lost,
        duplicates,
        nacked,
        p50Ms,
        p95Ms,
        p99Ms,
        maxMs,
        durableP50Ms,
        durableP99Ms,
        deliveriesPerSecond,
        seconds,
        stalledCloseCodes,
        durable);
  }

  public String toText() {
    return String.format(
        Locale.ROOT,
        "sent %d, acked %d, nacked %d%ndelivered %d of %d expected: lost %d, duplicates %d%n"
            + "delivery latency ms: p50 %.2f, p95 %.2f, p99 %.2f, max %.2f%n"
            + "durable after ms: p50 %.2f, p99 %.2f%n"
            + "%.0f deliveries/s over %.1f s%s",
        sent,
        acked,
        nacked,
        delivered,
        expected,
        lost,
        duplicates,
        p50Ms,
        p95Ms,
        p99Ms,
        maxMs,
        durableP50Ms,
        durableP99Ms,
        deliveriesPerSecond,
        seconds,
        stalledCloseCodes.isEmpty()
            ? ""
            : "\nstalled connections closed with " + stalledCloseCodes);
  }
}
