package dev.drawbridge.relay.oplog;

class InMemoryOpLogTest extends OpLogContract {
  @Override
  OpLog create() {
    return new InMemoryOpLog();
  }
}
