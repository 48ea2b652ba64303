package dev.drawbridge.client.ui.tool;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** The ids of the selected elements, in the order they were picked. */
public final class Selection {
  private final Set<String> ids = new LinkedHashSet<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  public Set<String> ids() {
    return Set.copyOf(ids);
  }

  /** The ids in selection order. */
  public List<String> ordered() {
    return List.copyOf(ids);
  }

  public boolean isEmpty() {
    return ids.isEmpty();
  }

  public boolean contains(String id) {
    return ids.contains(id);
  }

  public void set(Collection<String> newIds) {
    if (ids.equals(new LinkedHashSet<>(newIds))) {
      return;
    }
    ids.clear();
    ids.addAll(newIds);
    fire();
  }

  public void add(Collection<String> more) {
    if (ids.addAll(more)) {
      fire();
    }
  }

  public void remove(Collection<String> fewer) {
    if (ids.removeAll(fewer)) {
      fire();
    }
  }

  public void toggle(String id) {
    if (!ids.remove(id)) {
      ids.add(id);
    }
    fire();
  }

  public void clear() {
    if (!ids.isEmpty()) {
      ids.clear();
      fire();
    }
  }

  /** Drops ids that are no longer visible (deleted by someone, undone). */
  public void retain(java.util.function.Predicate<String> stillThere) {
    if (ids.removeIf(id -> !stillThere.test(id))) {
      fire();
    }
  }

  private void fire() {
    listeners.forEach(Runnable::run);
  }
}
