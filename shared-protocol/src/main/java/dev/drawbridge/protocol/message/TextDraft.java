package dev.drawbridge.protocol.message;

import dev.drawbridge.protocol.validation.ProtocolLimits;
import dev.drawbridge.protocol.validation.Require;

/**
 * Text a member is typing and has not committed yet, shown to the others as it grows (R91): at
 * board point (x, y) at {@code fontSize}, over the text element {@code elementId} when they edit an
 * existing one (null for new text). Only the first {@link ProtocolLimits#MAX_DRAFT_LENGTH}
 * characters travel; the committed text is an ordinary op.
 */
public record TextDraft(String elementId, double x, double y, double fontSize, String text) {
  public TextDraft {
    Require.optionalId(elementId, "draft.elementId");
    Require.coordinate(x, "draft.x");
    Require.coordinate(y, "draft.y");
    Require.range(fontSize, 1, ProtocolLimits.MAX_FONT_SIZE, "draft.fontSize");
    Require.text(text, "draft.text", ProtocolLimits.MAX_DRAFT_LENGTH);
  }
}
