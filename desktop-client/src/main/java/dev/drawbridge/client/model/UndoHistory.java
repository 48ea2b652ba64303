package dev.drawbridge.client.model;

import dev.drawbridge.protocol.op.Op;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The user's own undo and redo stacks. Each entry holds the ops that revert one action, computed
 * against the board as it was just before the action; undoing sends them as new ops, so undo works
 * the same alone and together.
 */
final class UndoHistory {
  private static final int MAX_ENTRIES = 500;
  private final Deque<List<Op>> undo = new ArrayDeque<>();
  private final Deque<List<Op>> redo = new ArrayDeque<>();

  void recordAction(List<Op> inverse) {
    push(undo, inverse);
    redo.clear();
  }

  void recordUndone(List<Op> inverse) {
    push(redo, inverse);
  }

  void recordRedone(List<Op> inverse) {
    push(undo, inverse);
  }

  /** The ops the next undo will apply, or an empty list. */
  List<Op> peekUndo() {
    List<Op> next = undo.peekFirst();
    return next == null ? List.of() : List.copyOf(next);
  }

  /** The ops the next redo will apply, or an empty list. */
  List<Op> peekRedo() {
    List<Op> next = redo.peekFirst();
    return next == null ? List.of() : List.copyOf(next);
  }

  List<Op> popUndo() {
    return undo.pollFirst();
  }

  List<Op> popRedo() {
    return redo.pollFirst();
  }

  boolean canUndo() {
    return !undo.isEmpty();
  }

  boolean canRedo() {
    return !redo.isEmpty();
  }

  void clear() {
    undo.clear();
    redo.clear();
  }

  private static void push(Deque<List<Op>> stack, List<Op> ops) {
    if (ops.isEmpty()) {
      return;
    }
    stack.addFirst(ops);
    if (stack.size() > MAX_ENTRIES) {
      stack.removeLast();
    }
  }
}
