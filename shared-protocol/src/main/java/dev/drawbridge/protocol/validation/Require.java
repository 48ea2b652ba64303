package dev.drawbridge.protocol.validation;

import java.util.List;
import java.util.regex.Pattern;

/** Field checks shared by every protocol record; each failure names the field. */
public final class Require {
  private static final Pattern ID =
      Pattern.compile("[A-Za-z0-9_.:-]{1," + ProtocolLimits.MAX_ID_LENGTH + "}");
  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?");

  private Require() {}

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
    if (!ID.matcher(value).matches()) {
      throw invalid(field, "must match [A-Za-z0-9_.:-]{1,64}");
    }
    return value;
  }

  public static String optionalId(String value, String field) {
    return value == null ? null : id(value, field);
  }

  public static String color(String value, String field) {
    present(value, field);
    if (!COLOR.matcher(value).matches()) {
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
