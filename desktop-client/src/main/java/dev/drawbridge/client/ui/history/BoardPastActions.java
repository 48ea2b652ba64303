package dev.drawbridge.client.ui.history;

import dev.drawbridge.client.geom.DrawnConnectors;
import dev.drawbridge.client.history.PastActions;
import dev.drawbridge.client.history.Restore;
import dev.drawbridge.client.model.Ids;
import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.client.ui.clipboard.BoardClipboard;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The history panel's Restore and Copy on the board screen (issue 17). A restore is the ops of
 * {@link Restore}, submitted as one undoable change once the user confirms it; a viewer is told it
 * cannot. No chunking is needed: each op is its own frame, well under the client frame limit (a
 * stroke added again goes as an add and appends of at most 4,096 points, R31, R32), and the sync
 * layer paces every pending op below the relay's rate (ADR 0003), as it does for 10,000 ops drawn
 * offline. A copy goes through the board's own clipboard path, so a paste into the present works as
 * after any copy (new ids, same layout, pictures carried as far as this machine has their bytes).
 * Call from the JavaFX thread.
 */
public final class BoardPastActions implements PastActions {
  /** Asks the user whether to restore, naming how many elements change; true to go ahead. */
  @FunctionalInterface
  public interface Confirmation {
    boolean confirm(int changedElements);
  }

  private final BoardSession session;
  private final Predicate<List<Element>> clipboard;
  private final BoardClipboard.Notice notice;
  private Confirmation confirmation;

  /**
   * @param clipboard puts elements on the clipboard as a copy of the selection would; false when it
   *     could not
   */
  public BoardPastActions(
      BoardSession session,
      Predicate<List<Element>> clipboard,
      Confirmation confirmation,
      BoardClipboard.Notice notice) {
    this.session = session;
    this.clipboard = clipboard;
    this.confirmation = confirmation;
    this.notice = notice;
  }

  /** Replaces how the user is asked (tests answer without a dialog). */
  public void setConfirmation(Confirmation confirmation) {
    this.confirmation = confirmation;
  }

  @Override
  public void restore(BoardState past) {
    if ("viewer".equals(session.role())) {
      notice.show(true, "history.restore.viewer");
      return;
    }
    Restore.Plan plan = Restore.between(past, session.board().view(), Ids::random);
    if (plan.isEmpty()) {
      notice.show(false, "history.restore.nothing");
      return;
    }
    int changed = plan.changed().size();
    if (!confirmation.confirm(changed)) {
      return;
    }
    // Asked again against the board as it is now: remote ops may have arrived while the dialog was
    // open, and the restore must bring back the past, not undo only what was seen before.
    plan = Restore.between(past, session.board().view(), Ids::random);
    session.board().submitAll(plan.ops());
    notice.show(false, "history.restore.done", plan.changed().size());
  }

  @Override
  public void copy(BoardState past, Collection<String> ids) {
    Set<String> wanted = new HashSet<>(ids);
    List<Element> chosen =
        past.visibleElements().stream()
            .filter(e -> wanted.isEmpty() || wanted.contains(e.id()))
            .map(e -> DrawnConnectors.drawn(e, past::get))
            .toList();
    if (chosen.isEmpty()) {
      notice.show(false, "history.copy.nothing");
      return;
    }
    if (clipboard.test(chosen)) {
      notice.show(false, "history.copy.done", chosen.size());
    }
  }
}
