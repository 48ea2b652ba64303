package dev.drawbridge.relay.oplog;

/**
 * What an ack promises about the op it confirms (SQLite op log). The choice is the self-hoster's:
 * {@link #DISK} costs one fsync per commit (40–55 µs of CPU on the benchmark VM, milliseconds of
 * latency on a spinning disk or network storage); {@link #OS} skips it.
 */
public enum Durability {
  /** The op is on disk before it is acked: it survives a power cut (SQLite synchronous=FULL). */
  DISK,
  /**
   * The op is in the operating system's cache before it is acked: it survives the relay crashing or
   * being killed, not a power cut or kernel crash, which may lose the last acked ops (the database
   * stays consistent). Clients then see a reset and send their own lost work again (R12). SQLite
   * synchronous=NORMAL in WAL mode.
   */
  OS;

  String sqliteSynchronous() {
    return this == DISK ? "FULL" : "NORMAL";
  }
}
