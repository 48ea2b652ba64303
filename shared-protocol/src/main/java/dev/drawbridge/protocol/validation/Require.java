package dev.drawbridge.protocol.validation;

import java.util.List;

/** Field checks shared by every protocol record; each failure names the field. */
public final class Require {
  private Require() {}

  // Hand-written rather than regular expressions: every op carries two ids and every element
  // a colour, and these checks showed up in the decode and reducer benchmarks.

  /** {@code [A-Za-z0-9_.:-]{1,64}}. */
  private static boolean isId(String value) {
    int n = value.length();
    if (n == 0 || n > ProtocolLimits.MAX_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '.'
              || c == ':'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** {@code #[0-9a-fA-F]{6}([0-9a-fA-F]{2})?}. */
  private static boolean isColor(String value) {
    int n = value.length();
    if ((n != 7 && n != 9) || value.charAt(0) != '#') {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = value.charAt(i);
      // Not Character.digit: it also accepts non-ASCII digits such as fullwidth ones.
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code room} is a valid room name: {@code [A-Za-z0-9_-]{1,64}} (R1). */
  public static boolean isRoomName(String room) {
    if (room == null || room.isEmpty() || room.length() > ProtocolLimits.MAX_ROOM_NAME_LENGTH) {
      return false;
    }
    for (int i = 0; i < room.length(); i++) {
      char c = room.charAt(i);
      boolean ok =
          c >= 'a' && c <= 'z'
              || c >= 'A' && c <= 'Z'
              || c >= '0' && c <= '9'
              || c == '-'
              || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  public static <T> T present(T value, String field) {
    if (value == null) {
      throw new InvalidFieldException(field, "required", true, false);
    }
    return value;
  }

  public static String id(String value, String field) {
    present(value, field);
    if (value.length() > ProtocolLimits.MAX_ID_LENGTH) {
      throw new InvalidFieldException(
          field, "longer than " + ProtocolLimits.MAX_ID_LENGTH, false, true);
    }
    if (!isId(value)) {
      throw invalid(field, "must match [A-Za-z0-9_.:-]{1,64}");
    }
    return value;
  }

  public static String optionalId(String value, String field) {
    return value == null ? null : id(value, field);
  }

  public static String color(String value, String field) {
    present(value, field);
    if (!isColor(value)) {
      throw invalid(field, "must be #RRGGBB or #RRGGBBAA");
    }
    return value;
  }

  public static String text(String value, String field, int maxLength) {
    present(value, field);
    return optionalText(value, field, maxLength);
  }

  public static String optionalText(String value, String field, int maxLength) {
    if (value != null && value.length() > maxLength) {
      throw new InvalidFieldException(field, "longer than " + maxLength, false, true);
    }
    return value;
  }

  public static double coordinate(double value, String field) {
    return range(value, -ProtocolLimits.MAX_COORDINATE, ProtocolLimits.MAX_COORDINATE, field);
  }

  public static Double optionalCoordinate(Double value, String field) {
    return value == null ? null : coordinate(value, field);
  }

  public static double range(double value, double min, double max, String field) {
    if (!Double.isFinite(value)) {
      throw invalid(field, "must be a finite number");
    }
    if (value < min || value > max) {
      throw invalid(field, "must be within [" + min + ", " + max + "]");
    }
    return value;
  }

  public static Double optionalRange(Double value, double min, double max, String field) {
    return value == null ? null : range(value, min, max, field);
  }

  public static long atLeast(long value, long min, String field) {
    if (value < min) {
      throw invalid(field, "must be at least " + min);
    }
    return value;
  }

  public static <T> List<T> list(List<T> value, int maxSize, String field) {
    present(value, field);
    if (value.size() > maxSize) {
      throw new InvalidFieldException(field, "more than " + maxSize + " entries", false, true);
    }
    for (T item : value) {
      present(item, field + "[]");
    }
    return List.copyOf(value);
  }

  public static InvalidFieldException invalid(String field, String problem) {
    return new InvalidFieldException(field, problem, false, false);
  }

  public static InvalidFieldException tooBig(String field, String problem) {
    return new InvalidFieldException(field, problem, false, true);
  }
}
