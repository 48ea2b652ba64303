package dev.drawbridge.relay.oplog;

class InMemoryOpLogTest extends OpLogContract {
  @Override
  protected OpLog create() {
    return new InMemoryOpLog();
  }
}
