package dev.drawbridge.relay.room;

import dev.drawbridge.protocol.message.Peer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A room's members in the order they joined, and fan-out to them. A client without a key may be a
 * member through several connections (R85; a keyed one's newer connection replaces the older, R82);
 * {@code joined}/{@code left} concern the client (R19). Not thread-safe: guarded by the room's
 * monitor (transport threads, the room-timers thread, the op log's writer thread when a failed
 * write closes the room).
 */
final class Members implements Iterable<Member> {
  private final List<Member> list = new ArrayList<>();

  int size() {
    return list.size();
  }

  void add(Member m) {
    list.add(m);
  }

  /** Whether {@code m} was a member. */
  boolean remove(Member m) {
    return list.remove(m);
  }

  /** Whether any member is a connection of {@code clientId}. */
  boolean hasClient(String clientId) {
    for (Member m : list) {
      if (m.clientId().equals(clientId)) {
        return true;
      }
    }
    return false;
  }

  /** The connections of {@code clientId}, in the order they joined. */
  List<Member> ofClient(String clientId) {
    List<Member> of = new ArrayList<>();
    for (Member m : list) {
      if (m.clientId().equals(clientId)) {
        of.add(m);
      }
    }
    return of;
  }

  /** Every other client present, once each, in the order they joined (welcome.peers, R19). */
  List<Peer> peersOtherThan(String clientId) {
    Map<String, Peer> others = new LinkedHashMap<>();
    for (Member m : list) {
      others.putIfAbsent(m.clientId(), m.peer());
    }
    others.remove(clientId);
    return List.copyOf(others.values());
  }

  /** Delivers to every member but {@code except} (null for none). */
  void broadcast(Outbound message, Member except) {
    for (Member m : list) {
      if (m != except) {
        m.deliver(message);
      }
    }
  }

  /** Delivers the op at {@code seq} to those whose it is but its author; returns how many. */
  int broadcastOp(Outbound frame, long seq, Member author) {
    int delivered = 0;
    for (Member m : list) {
      if (m != author && m.receivesBroadcastOf(seq)) {
        m.deliver(frame);
        delivered++;
      }
    }
    return delivered;
  }

  void closeAll(int closeCode, String reason) {
    for (Member m : List.copyOf(list)) {
      m.session().close(closeCode, reason);
    }
  }

  @Override
  public Iterator<Member> iterator() {
    return list.iterator();
  }
}
