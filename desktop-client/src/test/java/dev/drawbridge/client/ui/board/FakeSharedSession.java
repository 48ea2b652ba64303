package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.client.sync.ConnectionState;
import dev.drawbridge.client.sync.SessionListener;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.Cursor;
import dev.drawbridge.protocol.message.Peer;
import dev.drawbridge.protocol.message.ServerMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A shared board session the test drives by hand (no sockets). */
final class FakeSharedSession implements BoardSession {
  final LocalBoard board = new LocalBoard();
  final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
  final List<Cursor> sentCursors = new ArrayList<>();
  final List<ClientMessage.Presence> sentPresences = new ArrayList<>();
  ConnectionState state = new ConnectionState.Connecting();
  dev.drawbridge.client.history.HistorySource history =
      dev.drawbridge.client.history.HistorySource.NONE;
  List<Peer> peers = List.of();
  int peersBeforeMe;
  String memberName;
  boolean closed;
  int reconnects;
  int offlines;

  @Override
  public LocalBoard board() {
    return board;
  }

  @Override
  public String title() {
    return "team-room";
  }

  @Override
  public String clientId() {
    return "me0000000001";
  }

  @Override
  public String memberName() {
    return memberName;
  }

  @Override
  public ConnectionState state() {
    return state;
  }

  @Override
  public Collection<Peer> peers() {
    return peers;
  }

  @Override
  public int peersBeforeMe() {
    return peersBeforeMe;
  }

  @Override
  public void addListener(SessionListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(SessionListener listener) {
    listeners.remove(listener);
  }

  @Override
  public void sendPresence(Cursor cursor, List<String> selection) {
    sentCursors.add(cursor);
  }

  @Override
  public void sendPresence(ClientMessage.Presence presence) {
    sentCursors.add(presence.cursor());
    sentPresences.add(presence);
  }

  @Override
  public dev.drawbridge.client.history.HistorySource history() {
    return history;
  }

  @Override
  public void reconnectNow() {
    reconnects++;
  }

  @Override
  public void goOffline() {
    offlines++;
  }

  @Override
  public void close() {
    closed = true;
  }

  void setState(ConnectionState s) {
    state = s;
    listeners.forEach(l -> l.stateChanged(s));
  }

  void setPeers(List<Peer> p) {
    peers = p;
    listeners.forEach(l -> l.peersChanged(p));
  }

  void presence(String clientId, Cursor cursor) {
    listeners.forEach(
        l -> l.presence(new ServerMessage.PresenceBroadcast(clientId, cursor, List.of())));
  }

  void presence(ServerMessage.PresenceBroadcast p) {
    listeners.forEach(l -> l.presence(p));
  }

  void pending(int count) {
    listeners.forEach(l -> l.pendingChanged(count));
  }

  /** The relay sequenced {@code op}: the board takes it, then the listeners hear of it. */
  void sequenced(dev.drawbridge.protocol.message.HistoryOp op) {
    board.applyRemote(op.seq(), op.id(), op.op());
    listeners.forEach(l -> l.opSequenced(op));
  }
}
