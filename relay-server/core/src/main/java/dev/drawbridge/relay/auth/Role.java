package dev.drawbridge.relay.auth;

import java.util.Locale;

/** What a token lets its holder do in a room. */
public enum Role {
  /** May draw: ops are ordered, stored and broadcast. */
  EDITOR,
  /** May watch and show a cursor; ops are refused with nack "viewer" (R16). */
  VIEWER;

  /** The wire name used in tokens and in {@code welcome.role}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name; null for anything else. */
  public static Role fromWire(String name) {
    if ("editor".equals(name)) {
      return EDITOR;
    }
    if ("viewer".equals(name)) {
      return VIEWER;
    }
    return null;
  }
}
