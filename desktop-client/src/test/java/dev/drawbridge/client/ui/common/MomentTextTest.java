package dev.drawbridge.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** How a moment is written, in both languages, for the status bar and the history panel alike. */
class MomentTextTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final long NOW = at(2026, 12, 5, 9, 0);

  private final Messages messages = new Messages(Locale.ENGLISH);
  private final MomentText moments =
      new MomentText(messages, ZONE, () -> Instant.ofEpochMilli(NOW));

  private static long at(int y, int mo, int d, int h, int mi) {
    return ZonedDateTime.of(y, mo, d, h, mi, 45, 0, ZONE).toInstant().toEpochMilli();
  }

  // The JDK's locale data puts a narrow no-break space before AM/PM.
  private String of(long epochMs) {
    return moments.of(epochMs).replace('\u202f', ' ');
  }

  @Test
  void englishWritesDayMonthAndShortTimeWithTheYearOnlyOutsideThisOne() {
    assertThat(of(at(2026, 12, 3, 14, 2))).isEqualTo("3 Dec 2:02 PM");
    assertThat(of(at(2025, 1, 2, 8, 0))).isEqualTo("2 Jan 2025 8:00 AM");
    assertThat(moments.of(at(2026, 12, 3, 14, 10), at(2026, 12, 3, 9, 0)).replace('\u202f', ' '))
        .isEqualTo("2:10 PM");
    assertThat(moments.of(0)).isEmpty();
  }

  @Test
  void chineseWritesItsOwnDateAndTwentyFourHourTime() {
    messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    assertThat(moments.of(at(2026, 12, 3, 14, 2))).isEqualTo("12月3日 14:02");
    assertThat(moments.of(at(2025, 1, 2, 8, 0))).isEqualTo("2025年1月2日 08:00");
    assertThat(moments.of(at(2026, 12, 3, 14, 10), at(2026, 12, 3, 9, 0))).isEqualTo("14:10");
  }

  @Test
  void followsTheLanguageAsItIsWhenAsked() {
    long t = at(2026, 12, 3, 14, 2);
    String english = of(t);
    messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    assertThat(moments.of(t)).isEqualTo("12月3日 14:02");
    messages.setLocale(Locale.ENGLISH);
    assertThat(of(t)).isEqualTo(english);
  }

  @Test
  void readsTheMomentInTheGivenZone() {
    // 23:30 in Shanghai is 15:30 UTC the same day.
    long t = at(2026, 12, 3, 23, 30);
    assertThat(of(t)).isEqualTo("3 Dec 11:30 PM");
    assertThat(
            new MomentText(messages, ZoneId.of("UTC"), () -> Instant.ofEpochMilli(NOW))
                .of(t)
                .replace('\u202f', ' '))
        .isEqualTo("3 Dec 3:30 PM");
  }
}
