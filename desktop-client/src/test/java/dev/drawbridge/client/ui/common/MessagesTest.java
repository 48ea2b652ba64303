package dev.drawbridge.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The message bundles, without a JavaFX toolkit. */
class MessagesTest {
  @Test
  void everyEnglishKeyHasAChineseTranslation() {
    java.util.ResourceBundle en =
        java.util.ResourceBundle.getBundle(
            "messages",
            Locale.ROOT,
            java.util.ResourceBundle.Control.getNoFallbackControl(
                java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
    Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);
    for (String key : en.keySet()) {
      assertThat(zh.get(key)).as(key).isNotEqualTo(key);
    }
    assertThat(zh.get("tool.pen")).isEqualTo("画笔");
    assertThat(new Messages(Locale.ENGLISH).get("tool.pen")).isEqualTo("Pen");
  }
}
