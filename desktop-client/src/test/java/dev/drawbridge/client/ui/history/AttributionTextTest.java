package dev.drawbridge.client.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.history.Credits;
import dev.drawbridge.client.history.PeerNames;
import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.client.ui.common.MomentText;
import dev.drawbridge.protocol.message.Peer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AttributionTextTest {
  private static final ZoneOffset ZONE = ZoneOffset.UTC;
  private static final long DEC3_1402 = at(2026, 12, 3, 14, 2);
  private static final long DEC3_1410 = at(2026, 12, 3, 14, 10);
  private static final long DEC5_0900 = at(2026, 12, 5, 9, 0);

  private final PeerNames names = new PeerNames();
  private final Messages messages = new Messages(Locale.ENGLISH);
  private final AttributionText text =
      new AttributionText(
          messages,
          names,
          "client-me",
          new MomentText(messages, ZONE, () -> Instant.ofEpochMilli(DEC5_0900)));

  private static long at(int y, int mo, int d, int h, int mi) {
    return ZonedDateTime.of(y, mo, d, h, mi, 0, 0, ZONE).toInstant().toEpochMilli();
  }

  // The JDK's locale data puts a narrow no-break space before AM/PM.
  private String plain(Credits credits) {
    return text.of(credits).replace('\u202f', ' ');
  }

  @Test
  void namesPeopleWithDateAndTimeAndOnlyTheTimeOnTheSameDay() {
    names.learn(
        List.of(
            new Peer("client-ana", "Ana", "#e03131", "editor"),
            new Peer("client-ben", "Ben", "#1971c2", "editor")));
    assertThat(plain(new Credits("client-ana", DEC3_1402, "client-ben", DEC3_1410)))
        .isEqualTo("Drawn by Ana · 3 Dec 2:02 PM · changed by Ben · 2:10 PM");
    assertThat(plain(new Credits("client-ana", DEC3_1402, "client-me", DEC5_0900)))
        .isEqualTo("Drawn by Ana · 3 Dec 2:02 PM · changed by you · 5 Dec 9:00 AM");
  }

  @Test
  void saysOnlyWhatIsKnown() {
    assertThat(text.of(new Credits("client-0123456789", 0, null, 0)))
        .isEqualTo("Drawn by client-0…");
  }

  @Test
  void chineseUsesItsOwnDateAndTimeFormats() {
    messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    names.learn("client-ana", "安娜");
    assertThat(text.of(new Credits("client-ana", DEC3_1402, null, 0)))
        .startsWith("由安娜绘制 · 12月3日 ")
        .contains("14:02");
    assertThat(text.of(new Credits(null, 0, "client-me", at(2025, 1, 2, 8, 0))))
        .isEqualTo("未记录是谁绘制的 · 你最后修改 · 2025年1月2日 08:00");
  }
}
