package dev.drawbridge.relay.oplog;

/**
 * What {@code durable} promises about the ops it covers (SQLite op log, R26); clients keep their
 * ops until then. The choice is the self-hoster's: {@link #DISK} costs one fsync per commit (40–90
 * µs of CPU on the benchmark VM, milliseconds of latency on a spinning disk or network storage);
 * {@link #OS} skips it.
 */
public enum Durability {
  /** Durable means on disk: the op survives a power cut (SQLite synchronous=FULL). */
  DISK,
  /**
   * Durable means in the operating system's cache: the op survives the relay crashing or being
   * killed, not a power cut or kernel crash, which may lose the last ops (the database stays
   * consistent). Clients then see a reset and send their own lost work again (R12). SQLite
   * synchronous=NORMAL in WAL mode.
   */
  OS;

  String sqliteSynchronous() {
    return this == DISK ? "FULL" : "NORMAL";
  }
}
