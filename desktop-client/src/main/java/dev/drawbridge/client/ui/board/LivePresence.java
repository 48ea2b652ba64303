package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.Cursor;
import dev.drawbridge.protocol.message.TextDraft;
import dev.drawbridge.protocol.message.ViewCentre;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.util.List;
import java.util.function.Supplier;

/**
 * This user's presence as the room sees it: pointer, selection, view, whether they present, laser
 * points and the text being typed (R18, R88–R92). Each change sends the whole of it (a presence
 * replaces the previous one, R92); the session's throttle keeps the rate within the relay's and
 * folds laser points together. Call from the UI thread.
 */
final class LivePresence {
  private final BoardSession session;
  private final Supplier<List<String>> selection;
  private Cursor cursor;
  private ViewCentre view;
  private boolean presenting;
  private TextDraft draft;

  LivePresence(BoardSession session, Supplier<List<String>> selection) {
    this.session = session;
    this.selection = selection;
  }

  /** The pointer moved (null: it left the board), or the selection changed. */
  void pointer(Cursor at) {
    cursor = at;
    send(null);
  }

  /** The selection changed: the room sees it with the pointer where it was. */
  void selectionChanged() {
    send(null);
  }

  void view(ViewCentre now) {
    view = now;
    send(null);
  }

  void presenting(boolean on) {
    presenting = on;
    send(null);
  }

  boolean isPresenting() {
    return presenting;
  }

  /** The laser pointer is at board (x, y): the pointer is there too. */
  void laser(double x, double y) {
    double limit = ProtocolLimits.MAX_COORDINATE;
    float fx = (float) Math.max(-limit, Math.min(limit, x));
    float fy = (float) Math.max(-limit, Math.min(limit, y));
    cursor = new Cursor(fx, fy);
    send(Points.of(fx, fy));
  }

  /** Text being typed in place, or null when the editor closed. */
  void draft(TextDraft typing) {
    draft = typing;
    send(null);
  }

  /** A draft of {@code text} as others are shown it: its first characters (R91). */
  static TextDraft draftOf(String elementId, double x, double y, double fontSize, String text) {
    String shown =
        text.length() > ProtocolLimits.MAX_DRAFT_LENGTH
            ? text.substring(0, ProtocolLimits.MAX_DRAFT_LENGTH)
            : text;
    double limit = ProtocolLimits.MAX_COORDINATE;
    return new TextDraft(
        elementId,
        Math.max(-limit, Math.min(limit, x)),
        Math.max(-limit, Math.min(limit, y)),
        Math.max(1, Math.min(ProtocolLimits.MAX_FONT_SIZE, fontSize)),
        shown);
  }

  private void send(Points laser) {
    session.sendPresence(
        new ClientMessage.Presence(cursor, selection.get(), view, presenting, laser, draft));
  }
}
