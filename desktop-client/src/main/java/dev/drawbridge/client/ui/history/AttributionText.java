package dev.drawbridge.client.ui.history;

import dev.drawbridge.client.history.Credits;
import dev.drawbridge.client.history.PeerNames;
import dev.drawbridge.client.ui.common.Messages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link Credits} in words, e.g. "Drawn by Ana · 3 Dec 14:02 · changed by Ben · 14:10", in the
 * user's language with its date and time formats; the user's own ops say "you".
 */
public final class AttributionText {
  private final Messages messages;
  private final PeerNames names;
  private final String ownClientId;
  private final ZoneId zone;
  private final Supplier<Instant> now;

  public AttributionText(
      Messages messages, PeerNames names, String ownClientId, ZoneId zone, Supplier<Instant> now) {
    this.messages = messages;
    this.names = names;
    this.ownClientId = ownClientId;
    this.zone = zone;
    this.now = now;
  }

  public String of(Credits credits) {
    List<String> parts = new ArrayList<>();
    if (credits.madeBy() == null) {
      parts.add(messages.get("attribution.drawnUnknown"));
    } else if (credits.madeAt() > 0) {
      parts.add(
          messages.get("attribution.drawnAt", who(credits.madeBy()), when(credits.madeAt(), 0)));
    } else {
      parts.add(messages.get("attribution.drawn", who(credits.madeBy())));
    }
    if (credits.changedBy() != null) {
      parts.add(
          credits.changedAt() > 0
              ? messages.get(
                  "attribution.changedAt",
                  who(credits.changedBy()),
                  when(credits.changedAt(), credits.madeAt()))
              : messages.get("attribution.changed", who(credits.changedBy())));
    }
    return String.join(" · ", parts);
  }

  private String who(String clientId) {
    return clientId.equals(ownClientId) ? messages.get("attribution.you") : names.nameOf(clientId);
  }

  /** The time of day alone when {@code epochMs} falls on the day of {@code sameDayAs}. */
  private String when(long epochMs, long sameDayAs) {
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
    String pattern = messages.get(thisYear ? "attribution.date" : "attribution.dateYear");
    return DateTimeFormatter.ofPattern(pattern, messages.locale()).format(t) + " " + time;
  }
}
