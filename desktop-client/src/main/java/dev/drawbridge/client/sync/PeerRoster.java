package dev.drawbridge.client.sync;

import dev.drawbridge.protocol.message.Peer;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who else is in the room, as the relay last said (R19): welcome lists them, joined and left keep
 * the list current. This user is never in it, even when the relay echoes them. The list is in the
 * order people joined: those the welcome listed came before this user, those joined since after.
 */
final class PeerRoster {
  private final String clientId;
  private final SessionEvents events;
  private final Map<String, Peer> peers = new LinkedHashMap<>();
  private final Set<String> beforeMe = new HashSet<>();

  PeerRoster(String clientId, SessionEvents events) {
    this.clientId = clientId;
    this.events = events;
  }

  /** Everyone else, in the order they joined. */
  Collection<Peer> all() {
    return List.copyOf(peers.values());
  }

  /** How many of {@link #all()} (the first ones) joined before this user. */
  int countBeforeMe() {
    return beforeMe.size();
  }

  /** The full list from a welcome; always announced (it may be the first the UI hears). */
  void replaceAll(List<Peer> fromWelcome) {
    peers.clear();
    beforeMe.clear();
    fromWelcome.stream()
        .filter(p -> !p.clientId().equals(clientId))
        .forEach(p -> peers.put(p.clientId(), p));
    beforeMe.addAll(peers.keySet());
    fire();
  }

  void joined(Peer peer) {
    if (peer.clientId().equals(clientId)) {
      return;
    }
    // Someone back after a reconnect joined after this user now.
    beforeMe.remove(peer.clientId());
    peers.remove(peer.clientId());
    peers.put(peer.clientId(), peer);
    fire();
  }

  void left(String peerId) {
    if (peers.remove(peerId) != null) {
      beforeMe.remove(peerId);
      fire();
    }
  }

  /** Forgets everyone when the connection drops: offline, we cannot know who is there. */
  void clear() {
    if (!peers.isEmpty()) {
      peers.clear();
      beforeMe.clear();
      fire();
    }
  }

  private void fire() {
    events.peersChanged(all());
  }
}
