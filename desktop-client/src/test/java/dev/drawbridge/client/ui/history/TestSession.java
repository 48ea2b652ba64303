package dev.drawbridge.client.ui.history;

import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.client.sync.ConnectionState;
import dev.drawbridge.client.sync.SessionListener;
import dev.drawbridge.protocol.message.Cursor;
import dev.drawbridge.protocol.message.Peer;
import java.util.Collection;
import java.util.List;

/** A board session with no relay: a local board and a role the test sets. */
final class TestSession implements BoardSession {
  final LocalBoard board = new LocalBoard();
  String role = "editor";

  @Override
  public LocalBoard board() {
    return board;
  }

  @Override
  public String title() {
    return "test";
  }

  @Override
  public String clientId() {
    return "client-me";
  }

  @Override
  public String role() {
    return role;
  }

  @Override
  public ConnectionState state() {
    return new ConnectionState.Connecting();
  }

  @Override
  public Collection<Peer> peers() {
    return List.of();
  }

  @Override
  public void addListener(SessionListener listener) {}

  @Override
  public void removeListener(SessionListener listener) {}

  @Override
  public void sendPresence(Cursor cursor, List<String> selection) {}

  @Override
  public void reconnectNow() {}

  @Override
  public void goOffline() {}

  @Override
  public void close() {}
}
