package dev.drawbridge.relay.bench;

import java.net.URI;
import java.time.Duration;

/**
 * One bench run.
 *
 * @param relay base URL, e.g. {@code ws://127.0.0.1:8080} (rooms are {@code /v1/rooms/bench-N}, or
 *     {@code /?room=bench-N} for a raw target)
 * @param token bearer token, or null for a relay without auth
 * @param clients connections in total, spread round-robin over the rooms
 * @param rooms rooms in use
 * @param ratePerClient ops per second each client sends
 * @param opSizeBytes approximate encoded size of one op
 * @param duration how long clients send
 * @param target the Drawbridge relay or a plain broadcast relay
 * @param stalled extra members of the first room that join and then never read (slow consumers)
 * @param warmup sending before {@code duration} starts: delivered and checked, not timed
 * @param opsPerStroke 1: every op adds a stroke; N: each stroke is added and then grown by N-1
 *     appends of 10 points (a pen's mix)
 */
public record BenchSettings(
    URI relay,
    String token,
    int clients,
    int rooms,
    double ratePerClient,
    int opSizeBytes,
    Duration duration,
    BenchTarget target,
    int stalled,
    Duration warmup,
    int opsPerStroke) {
  public BenchSettings {
    if (clients < 1 || clients > 10_000 || rooms < 1 || rooms > clients) {
      throw new IllegalArgumentException("need 1 <= rooms <= clients <= 10000");
    }
    if (ratePerClient <= 0 || ratePerClient > 10_000) {
      throw new IllegalArgumentException("rate must be in (0, 10000] ops/s");
    }
    if (duration.isNegative() || duration.isZero() || duration.toHours() > 24) {
      throw new IllegalArgumentException("duration must be in (0, 24h]");
    }
    if (warmup.isNegative() || warmup.toHours() > 1) {
      throw new IllegalArgumentException("warmup must be in [0, 1h]");
    }
    if (stalled < 0 || stalled > 100) {
      throw new IllegalArgumentException("stalled must be in [0, 100]");
    }
    if (opsPerStroke < 1 || opsPerStroke > 1_000) {
      throw new IllegalArgumentException("ops per stroke must be in [1, 1000]");
    }
  }

  public BenchSettings(
      URI relay,
      String token,
      int clients,
      int rooms,
      double ratePerClient,
      int opSizeBytes,
      Duration duration) {
    this(
        relay,
        token,
        clients,
        rooms,
        ratePerClient,
        opSizeBytes,
        duration,
        BenchTarget.DRAWBRIDGE,
        0,
        Duration.ZERO,
        1);
  }

  /** The URL base without trailing slashes. */
  String base() {
    return relay.toString().replaceAll("/+$", "");
  }
}
