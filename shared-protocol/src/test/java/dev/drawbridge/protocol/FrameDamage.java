package dev.drawbridge.protocol;

import java.util.Random;

/**
 * Damages a valid JSON frame in the ways real bugs and attackers do: flipped, inserted and deleted
 * characters, truncation, repeated keys, swapped type names, huge numbers, NaN, deep nesting and
 * long strings. Every result stays under ~300 KB.
 */
final class FrameDamage {
  private static final String JSON_CHARS = "{}[]\",:0123456789.eE+-tfnul \\/";
  private static final String[] TYPE_NAMES = {
    "hello",
    "op",
    "presence",
    "ping",
    "welcome",
    "ack",
    "nack",
    "synced",
    "joined",
    "left",
    "pong",
    "error",
    "add",
    "append",
    "update",
    "delete",
    "",
    "HELLO",
    "nope"
  };
  private static final String[] ODD_VALUES = {
    "NaN",
    "-Infinity",
    "Infinity",
    "1e999999",
    "-1e-999999",
    "99999999999999999999999999999999999999",
    "1".repeat(80),
    "0.0000000000000000000000000000000000001",
    "-0",
    "null",
    "true",
    "\"\"",
    "[]",
    "{}",
    "\"\\ud800\"",
    "\"\\u0000\""
  };

  static final int MAX_CHARS = 300 * 1024;

  private final Random random;

  FrameDamage(Random random) {
    this.random = random;
  }

  String apply(String frame) {
    String damaged = frame;
    int rounds = 1 + random.nextInt(3);
    for (int i = 0; i < rounds; i++) {
      damaged = once(damaged);
      if (damaged.length() > MAX_CHARS) {
        damaged = damaged.substring(0, MAX_CHARS);
      }
    }
    return damaged;
  }

  private String once(String s) {
    if (s.isEmpty()) {
      return "{";
    }
    int at = random.nextInt(s.length());
    return switch (random.nextInt(11)) {
      case 0 -> s.substring(0, at) + (char) random.nextInt(0x3000) + s.substring(at + 1);
      case 1 ->
          s.substring(0, at)
              + JSON_CHARS.charAt(random.nextInt(JSON_CHARS.length()))
              + s.substring(at);
      case 2 -> s.substring(0, at) + s.substring(at + 1);
      case 3 -> s.substring(0, at);
      case 4 -> duplicateAKey(s);
      case 5 -> s.replaceFirst("\"type\":\"[a-z]*\"", "\"type\":\"" + pick(TYPE_NAMES) + "\"");
      case 6 -> s.replaceFirst("-?[0-9]+(\\.[0-9]+)?(E-?[0-9]+)?", pick(ODD_VALUES));
      case 7 -> replaceAValue(s, pick(ODD_VALUES));
      case 8 ->
          replaceAValue(
              s, "[".repeat(random.nextInt(1_000)) + "1" + "]".repeat(random.nextInt(1_000)));
      case 9 -> replaceAValue(s, "\"" + "x".repeat(longStringLength()) + "\"");
      default ->
          s.substring(0, at) + s.substring(at, Math.min(s.length(), at + 50)) + s.substring(at);
    };
  }

  /** Around the limits that matter: a field's, a JSON string's (64 Ki) and a frame's (256 KiB). */
  private int longStringLength() {
    int[] around = {64, 10_000, 65_536, 262_144};
    return around[random.nextInt(around.length)] + random.nextInt(20) - 10;
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }

  /** Repeats the first {@code "key":value} pair right after itself. */
  private String duplicateAKey(String s) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"[A-Za-z]+\":(\"[^\"]*\"|-?[0-9.E]+|true|false)")
            .matcher(s);
    if (!m.find(random.nextInt(Math.max(1, s.length() / 2)))) {
      return s;
    }
    return s.substring(0, m.end()) + "," + m.group() + s.substring(m.end());
  }

  /** Replaces the value after a random {@code "key":}. */
  private String replaceAValue(String s, String value) {
    int key = s.indexOf("\":", random.nextInt(s.length()));
    if (key < 0) {
      key = s.indexOf("\":");
    }
    if (key < 0) {
      return s + value;
    }
    int start = key + 2;
    int end = start;
    while (end < s.length() && ",}]".indexOf(s.charAt(end)) < 0) {
      end++;
    }
    return s.substring(0, start) + value + s.substring(end);
  }
}
