package dev.drawbridge.client.sync;

import dev.drawbridge.protocol.message.Peer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who else is in the room, as the relay last said (R19): welcome lists them, joined and left keep
 * the list current. This user is never in it, even when the relay echoes them.
 */
final class PeerRoster {
  private final String clientId;
  private final SessionEvents events;
  private final Map<String, Peer> peers = new LinkedHashMap<>();

  PeerRoster(String clientId, SessionEvents events) {
    this.clientId = clientId;
    this.events = events;
  }

  Collection<Peer> all() {
    return List.copyOf(peers.values());
  }

  /** The full list from a welcome; always announced (it may be the first the UI hears). */
  void replaceAll(List<Peer> fromWelcome) {
    peers.clear();
    fromWelcome.stream()
        .filter(p -> !p.clientId().equals(clientId))
        .forEach(p -> peers.put(p.clientId(), p));
    fire();
  }

  void joined(Peer peer) {
    if (peer.clientId().equals(clientId)) {
      return;
    }
    peers.put(peer.clientId(), peer);
    fire();
  }

  void left(String peerId) {
    if (peers.remove(peerId) != null) {
      fire();
    }
  }

  /** Forgets everyone when the connection drops: offline, we cannot know who is there. */
  void clear() {
    if (!peers.isEmpty()) {
      peers.clear();
      fire();
    }
  }

  private void fire() {
    events.peersChanged(all());
  }
}
