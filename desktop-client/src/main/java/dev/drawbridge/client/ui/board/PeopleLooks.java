package dev.drawbridge.client.ui.board;

import dev.drawbridge.protocol.message.Peer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * How each person in a room is drawn (cursor, people-list dot), so that two people who chose the
 * same colour still look different. Going through the members in the order they joined, the first
 * one with a colour keeps it as it is; each later one with that colour gets a variant of it
 * (darker, then lighter, then darker still…) and their initial in a badge. Every screen sees the
 * same join order (R19), so everyone sees the same person keep the plain colour.
 */
final class PeopleLooks {
  /**
   * @param color {@code #rrggbb} to draw the person in
   * @param initial their initial when their colour is shared (then {@code color} is a variant), or
   *     null
   */
  record Look(String color, String initial) {}

  private PeopleLooks() {}

  /** The look of each member of {@code inJoinOrder}, by client id. */
  static Map<String, Look> of(List<Peer> inJoinOrder) {
    Map<String, Integer> seen = new HashMap<>();
    Map<String, Look> looks = new LinkedHashMap<>();
    for (Peer p : inJoinOrder) {
      String color = p.color().toLowerCase(Locale.ROOT);
      int earlier = seen.merge(color, 1, Integer::sum) - 1;
      looks.put(
          p.clientId(),
          earlier == 0
              ? new Look(color, null)
              : new Look(variant(color, earlier), initial(p.name())));
    }
    return looks;
  }

  /** The {@code n}-th variant (n ≥ 1) of {@code color}: odd ones darker, even ones lighter. */
  static String variant(String color, int n) {
    Color c = Color.web(color);
    int step = (n + 1) / 2;
    Color v =
        n % 2 == 1
            ? c.deriveColor(0, 1, Math.max(0.35, 1 - 0.3 * step), 1)
            : c.interpolate(Color.WHITE, Math.min(0.7, 0.4 * step));
    return Controls.toWeb(v);
  }

  /** The first letter of {@code name}, upper-cased ("?" for a blank name). */
  static String initial(String name) {
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty()) {
      return "?";
    }
    return new String(Character.toChars(trimmed.codePointAt(0))).toUpperCase(Locale.ROOT);
  }
}
