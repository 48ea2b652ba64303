package dev.drawbridge.client.model;

/** Where local ops go once applied: the sync layer journals and sends them. */
@FunctionalInterface
public interface LocalOpSink {
  void submitted(PendingOp op);

  LocalOpSink NONE = op -> {};
}
