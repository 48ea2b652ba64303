package dev.drawbridge.client.ui.tool;

import static dev.drawbridge.client.ui.tool.FakeToolContext.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Locked elements are not picked or erased, and unlock brings them back (R127). */
class LockToolsTest {
  private final FakeToolContext ctx = new FakeToolContext();
  private final SelectionEdits edits = new SelectionEdits(ctx.board, ctx.selection);

  /** A big filled background "bg" locked, with a small box "box" on it. */
  private void lockedBackgroundWithABox() {
    ctx.addFilledRect("bg", 0, 0, 400, 300);
    ctx.addFilledRect("box", 50, 50, 40, 40);
    ctx.selection.set(List.of("bg"));
    assertThat(edits.lock()).isEqualTo(1);
    assertThat(ctx.selection.isEmpty()).as("a locked element is let go").isTrue();
    assertThat(ctx.board.view().get("bg").hasLock()).isTrue();
  }

  @Test
  void aLockedElementIsNotPickedMovedSelectedByAllOrErased() {
    lockedBackgroundWithABox();
    SelectTool select = new SelectTool(ctx);
    // A drag on the background is a marquee, not a move of it.
    select.pressed(at(300, 200, 0));
    select.dragged(at(350, 250, 0));
    assertThat(select.preview()).isInstanceOf(ToolPreview.Marquee.class);
    select.released(at(350, 250, 0));
    assertThat(ctx.board.view().get("bg").x()).isZero();
    // A marquee around everything picks the box only; so does select all.
    select.pressed(at(-10, -10, 0));
    select.dragged(at(410, 310, 0));
    select.released(at(410, 310, 0));
    assertThat(ctx.selection.ids()).containsExactly("box");
    edits.selectAll();
    assertThat(ctx.selection.ids()).containsExactly("box");
    // The eraser passes over it.
    EraserTool eraser = new EraserTool(ctx);
    eraser.pressed(at(300, 200, 0));
    eraser.dragged(at(310, 210, 0));
    eraser.released(at(310, 210, 0));
    assertThat(ctx.board.view().get("bg").deleted()).isFalse();
    // What a right-click there may unlock.
    assertThat(select.lockedAt(300, 200).id()).isEqualTo("bg");
    assertThat(select.pickAt(300, 200)).isFalse();
  }

  @Test
  void unlockIsOneStepSelectsWhatItUnlockedAndUndoLocksAgain() {
    lockedBackgroundWithABox();
    assertThat(edits.anyLocked()).isTrue();
    assertThat(edits.unlock(List.of("bg"))).isEqualTo(1);
    assertThat(ctx.board.view().get("bg").hasLock()).isFalse();
    assertThat(ctx.selection.ids()).containsExactly("bg");
    ctx.board.undo();
    assertThat(ctx.board.view().get("bg").hasLock()).isTrue();
    assertThat(edits.unlock(null)).as("unlock everything").isEqualTo(1);
    assertThat(edits.anyLocked()).isFalse();
  }

  @Test
  void aGroupPickedByAMemberLeavesItsLockedMembersAlone() {
    ctx.addFilledRect("a", 0, 0, 40, 40);
    ctx.addFilledRect("b", 100, 0, 40, 40);
    ctx.selection.set(List.of("a", "b"));
    edits.group();
    ctx.selection.set(List.of("b"));
    edits.lock();
    SelectTool select = new SelectTool(ctx);
    select.pressed(at(20, 20, 0));
    select.released(at(20, 20, 0));
    assertThat(ctx.selection.ids()).containsExactly("a");
  }
}
