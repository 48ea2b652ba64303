package dev.drawbridge.client.ui.history;

import dev.drawbridge.client.history.Credits;
import dev.drawbridge.client.history.PeerNames;
import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.client.ui.common.MomentText;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Credits} in words, e.g. "Drawn by Ana · 3 Dec 14:02 · changed by Ben · 14:10", in the
 * user's language with its date and time formats ({@link MomentText}, as the history panel); the
 * user's own ops say "you".
 */
public final class AttributionText {
  private final Messages messages;
  private final PeerNames names;
  private final String ownClientId;
  private final MomentText moments;

  /**
   * @param moments writes the times, as the history panel does
   */
  public AttributionText(
      Messages messages, PeerNames names, String ownClientId, MomentText moments) {
    this.messages = messages;
    this.names = names;
    this.ownClientId = ownClientId;
    this.moments = moments;
  }

  /** The language the text is written in; it changes when the user switches it. */
  public javafx.beans.value.ObservableValue<java.util.Locale> language() {
    return messages.localeProperty();
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
    return moments.of(epochMs, sameDayAs);
  }
}
