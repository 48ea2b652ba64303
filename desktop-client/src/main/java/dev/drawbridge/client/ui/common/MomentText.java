package dev.drawbridge.client.ui.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Supplier;

/**
 * A moment in words, in the UI's language as it is when asked: the day from the bundle's {@code
 * moment.date} pattern ({@code moment.dateYear} outside the current year) and the language's short
 * time, e.g. "3 Dec 2:02 PM" or "12月3日 14:02". The one way the UI writes when something happened
 * (the status bar's attribution, the history panel), so the same moment reads the same everywhere.
 */
public final class MomentText {
  private final Messages messages;
  private final ZoneId zone;
  private final Supplier<Instant> now;

  /**
   * @param zone the zone the user reads times in (the system's in the app)
   * @param now the present, to tell this year from others
   */
  public MomentText(Messages messages, ZoneId zone, Supplier<Instant> now) {
    this.messages = messages;
    this.zone = zone;
    this.now = now;
  }

  /** The day and time of {@code epochMs}; "" for an unknown time (0 or less). */
  public String of(long epochMs) {
    return of(epochMs, 0);
  }

  /**
   * As {@link #of(long)}, but the time of day alone when {@code epochMs} falls on the day of {@code
   * sameDayAs} (a moment already written beside it; 0 for none).
   */
  public String of(long epochMs, long sameDayAs) {
    if (epochMs <= 0) {
      return "";
    }
    ZonedDateTime t = Instant.ofEpochMilli(epochMs).atZone(zone);
    String time =
        DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
            .withLocale(messages.locale())
            .format(t);
    LocalDate day = t.toLocalDate();
    if (sameDayAs > 0 && Instant.ofEpochMilli(sameDayAs).atZone(zone).toLocalDate().equals(day)) {
      return time;
    }
    boolean thisYear = day.getYear() == now.get().atZone(zone).getYear();
    String pattern = messages.get(thisYear ? "moment.date" : "moment.dateYear");
    return DateTimeFormatter.ofPattern(pattern, messages.locale()).format(t) + " " + time;
  }
}
