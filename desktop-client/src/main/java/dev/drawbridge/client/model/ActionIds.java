package dev.drawbridge.client.model;

/**
 * Op ids that say which ops one user action sent together (docs/protocol.md R129): {@code
 * key:index:count}, the same random key for every op of the action, its place from 0, and how many
 * ops it has. A move of a three-element group goes as {@code k:0:3}, {@code k:1:3}, {@code k:2:3},
 * so the history can show the group before the move or after it, never half moved. Only a
 * convention in the id the client chooses anyway: the relay and clients that do not know it treat
 * such ids as any other (R13–R15), and a client that never writes them just has one-op actions.
 */
public final class ActionIds {
  /** The most ops one action's ids can count; a bigger action goes out unmarked. */
  public static final int MAX_COUNT = 999_999_999;

  /** Where one op sits in its action. */
  public record Mark(String key, int index, int count) {
    /** Whether this is the action's last op. */
    public boolean last() {
      return index == count - 1;
    }

    /** Whether {@code next} is the op that follows this one in the same action. */
    public boolean followedBy(Mark next) {
      return next.index == index + 1 && next.count == count && next.key.equals(key);
    }
  }

  private ActionIds() {}

  /** A fresh key for one action's ops. */
  public static String newKey() {
    return Ids.random();
  }

  /** The id of op {@code index} of {@code count} of the action {@code key}. */
  public static String of(String key, int index, int count) {
    if (count < 2 || count > MAX_COUNT || index < 0 || index >= count) {
      throw new IllegalArgumentException(index + " of " + count);
    }
    return key + ':' + index + ':' + count;
  }

  /**
   * The action mark in {@code opId}, or null when it has none (a one-op action, an older client's
   * id, or anything not of the form R129 gives: the mark is a hint, never trusted beyond it).
   */
  public static Mark parse(String opId) {
    int second = opId.lastIndexOf(':');
    int first = second <= 0 ? -1 : opId.lastIndexOf(':', second - 1);
    if (first <= 0) {
      return null;
    }
    String key = opId.substring(0, first);
    if (key.indexOf(':') >= 0) {
      return null;
    }
    int index = number(opId, first + 1, second);
    int count = number(opId, second + 1, opId.length());
    if (index < 0 || count < 2 || index >= count) {
      return null;
    }
    return new Mark(key, index, count);
  }

  // A decimal in [from, to) without a sign or leading zero, at most MAX_COUNT; -1 otherwise.
  private static int number(String s, int from, int to) {
    int digits = to - from;
    if (digits < 1 || digits > 9 || (digits > 1 && s.charAt(from) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
