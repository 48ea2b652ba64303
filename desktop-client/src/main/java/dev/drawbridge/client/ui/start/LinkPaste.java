package dev.drawbridge.client.ui.start;

import java.util.function.Predicate;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;

/**
 * Join-form fields that take an invite link pasted into them as the whole invitation: {@code
 * paste()} is what the keyboard shortcut, Shift+Insert and the context menu all call, so one
 * override covers them. Text that is not meant as a link is pasted as usual.
 */
final class LinkPaste {
  private LinkPaste() {}

  /** The clipboard's text, or "" when it holds none. */
  static String clipboardText() {
    String text = Clipboard.getSystemClipboard().getString();
    return text == null ? "" : text;
  }

  /** A text field that offers pasted text to {@code link} first (true: taken as a link). */
  static TextField textField(Predicate<String> link) {
    return new TextField() {
      @Override
      public void paste() {
        if (!link.test(clipboardText())) {
          super.paste();
        }
      }
    };
  }

  /** The same for the token field. */
  static PasswordField passwordField(Predicate<String> link) {
    return new PasswordField() {
      @Override
      public void paste() {
        if (!link.test(clipboardText())) {
          super.paste();
        }
      }
    };
  }
}
