package dev.drawbridge.client.ui.history;

import dev.drawbridge.client.ui.settings.PeoplePalette;
import dev.drawbridge.protocol.message.Peer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The colour and name of each author on the timeline: people in the room have their own (the peers
 * list, and this user's settings), and are remembered after they leave; anyone else (an author who
 * left before this board was opened) gets a palette colour from a hash of their client id, the same
 * on every screen and every run.
 */
public final class AuthorColours {
  private final Map<String, Peer> known = new HashMap<>();

  /** Remembers these people's names and colours (called whenever the peers list changes). */
  public void learn(Collection<Peer> peers) {
    for (Peer p : peers) {
      known.put(p.clientId(), p);
    }
  }

  /** The colour of {@code clientId}'s marks: theirs when known, else one from their id. */
  public String colourOf(String clientId) {
    Peer p = known.get(clientId);
    if (p != null && p.color() != null && p.color().matches("#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?")) {
      return p.color();
    }
    return stableColour(clientId);
  }

  /** The name of {@code clientId}, or null when nobody here has seen it. */
  public String nameOf(String clientId) {
    Peer p = known.get(clientId);
    return p == null ? null : p.name();
  }

  /** A palette colour chosen by {@code clientId} alone (String.hashCode is fixed by the JLS). */
  public static String stableColour(String clientId) {
    int h = clientId == null ? 0 : clientId.hashCode();
    return PeoplePalette.COLORS.get(Math.floorMod(h * 0x9E3779B1, PeoplePalette.COLORS.size()));
  }
}
