package dev.drawbridge.client.ui.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.sync.SessionListener;
import dev.drawbridge.client.ui.common.Messages;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every refusal a relay may give a picture (R113, R114) has a toast in both languages. */
class ImageRefusalsTest {
  private static final List<String> REASONS =
      List.of(
          "too_big",
          "room_full",
          "bad_image",
          "hash_mismatch",
          "viewer",
          SessionListener.IMAGES_NOT_SUPPORTED);

  @Test
  void everyKnownReasonHasItsOwnTextAndAnUnknownOneIsNamed() {
    for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
      Messages messages = new Messages(locale);
      for (String reason : REASONS) {
        assertThat(ImageRefusals.text(messages, reason))
            .as("%s in %s", reason, locale)
            .doesNotStartWith("image.notStored");
      }
      assertThat(ImageRefusals.text(messages, "quota_of_the_future"))
          .contains("quota_of_the_future");
    }
  }
}
