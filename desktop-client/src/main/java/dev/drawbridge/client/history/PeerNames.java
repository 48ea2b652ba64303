package dev.drawbridge.client.history;

import dev.drawbridge.protocol.message.Peer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Display names by client id, for saying who made what (issue 17). The relay keeps no names, only
 * client ids in ops, so names are learnt from the peers the session shows while people are in the
 * room and kept for as long as the board is open: someone who drew and left is still named.
 */
public final class PeerNames {
  /** How much of an unknown client id is shown: enough to tell people apart, short to read. */
  static final int SHORT_ID = 8;

  private final Map<String, String> names = new HashMap<>();

  /** Learns the names of everyone in {@code peers} (later names replace earlier ones). */
  public void learn(Collection<Peer> peers) {
    for (Peer p : peers) {
      learn(p.clientId(), p.name());
    }
  }

  public void learn(String clientId, String name) {
    if (clientId != null && name != null && !name.isBlank()) {
      names.put(clientId, name.strip());
    }
  }

  /** The name last seen for {@code clientId}, else the id shortened. */
  public String nameOf(String clientId) {
    String name = names.get(clientId);
    if (name != null) {
      return name;
    }
    return clientId.length() <= SHORT_ID ? clientId : clientId.substring(0, SHORT_ID) + "…";
  }
}
