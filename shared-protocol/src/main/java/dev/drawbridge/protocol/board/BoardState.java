package dev.drawbridge.protocol.board;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ZOrder;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deterministic reducer: what a sequence of ops means. Client and relay both use it, so two
 * parties that applied the same ops in the same seq order hold the same board and the same {@link
 * #hash()}.
 *
 * <p>Rules (docs/protocol.md R40–R47): ops apply in seq order and an op at or below the head seq is
 * ignored; an op id applied before is ignored; last writer wins per (element, property); delete is
 * a tombstone; ops on unknown elements, and on deleted ones except a restoring update, are ignored
 * rather than errors. Not thread-safe: one owner thread.
 */
public final class BoardState {
  private static final int HASH_CHUNK_BYTES = 16 * 1024;

  private final Map<String, Element> elements = new HashMap<>();
  private final Map<String, Long> digests = new HashMap<>();
  private final Set<String> appliedOpIds = new HashSet<>();
  // Visible ids in hash order; null when an add, delete or restore changed the set. Cached because
  // sorting 10,000 ids costs more than hashing them, and most ops (appends, edits) keep the set.
  private List<String> visibleIdsInOrder;
  private long headSeq;

  public BoardState() {}

  /** The board a snapshot describes; later ops continue from its seq. */
  public static BoardState fromSnapshot(BoardSnapshot snapshot) {
    BoardState state = new BoardState();
    List<String> visible = new ArrayList<>(snapshot.elements().size());
    for (Element e : snapshot.elements()) {
      state.elements.put(e.id(), e);
      if (!e.deleted()) {
        visible.add(e.id());
      }
    }
    if (state.elements.size() == snapshot.elements().size()) {
      // Snapshots list elements in id order, and sorting an already sorted list is linear: the
      // first hash after loading a big board then skips a full sort.
      Collections.sort(visible);
      state.visibleIdsInOrder = Collections.unmodifiableList(visible);
    }
    state.headSeq = snapshot.seq();
    return state;
  }

  /** An independent copy (op-id memory included). */
  public BoardState copy() {
    BoardState copy = new BoardState();
    copy.elements.putAll(elements);
    copy.digests.putAll(digests);
    copy.appliedOpIds.addAll(appliedOpIds);
    copy.visibleIdsInOrder = visibleIdsInOrder;
    copy.headSeq = headSeq;
    return copy;
  }

  /**
   * Applies a confirmed op at {@code seq}. Returns whether the board changed. An op at or below the
   * head seq, or whose id was applied before, changes nothing (R40, R41).
   */
  public boolean apply(long seq, String opId, Op op) {
    if (seq <= headSeq) {
      return false;
    }
    headSeq = seq;
    if (!appliedOpIds.add(opId)) {
      return false;
    }
    return applyOp(op);
  }

  /**
   * Applies an op without seq or id bookkeeping: how a client shows its own pending ops on top of
   * the confirmed board (R47). Returns whether the board changed.
   */
  public boolean applyOp(Op op) {
    return switch (op) {
      case Op.AddElement add -> add(add.element());
      case Op.AppendPoints append -> appendPoints(append);
      case Op.UpdateElement update -> update(update);
      case Op.DeleteElement delete -> delete(delete.elementId());
    };
  }

  private boolean add(Element element) {
    if (elements.containsKey(element.id())) {
      return false;
    }
    put(element);
    return true;
  }

  private boolean appendPoints(Op.AppendPoints append) {
    Element e = elements.get(append.elementId());
    if (e == null || e.deleted() || !e.kind().isFreehand()) {
      return false;
    }
    Element grown =
        e.withPoints(e.points().append(append.points(), ProtocolLimits.MAX_POINTS_PER_ELEMENT));
    if (grown.points() == e.points()) {
      return false;
    }
    put(grown);
    return true;
  }

  private boolean update(Op.UpdateElement update) {
    Element e = elements.get(update.elementId());
    if (e == null) {
      return false;
    }
    if (e.deleted() && !Boolean.FALSE.equals(update.patch().deleted())) {
      return false;
    }
    Element changed = update.patch().applyTo(e);
    if (changed.equals(e)) {
      return false;
    }
    put(changed);
    return true;
  }

  private boolean delete(String elementId) {
    Element e = elements.get(elementId);
    if (e == null || e.deleted()) {
      return false;
    }
    put(e.withDeleted(true));
    return true;
  }

  /**
   * Sets one element as it is in {@code source} (or removes it if {@code source} has none), without
   * seq or id bookkeeping. A client rebasing its view on the confirmed board uses this to reset
   * just the element a remote op touched before re-applying its own pending ops.
   */
  public void copyElementFrom(BoardState source, String id) {
    Element e = source.get(id);
    if (e == null) {
      if (elements.remove(id) != null) {
        digests.remove(id);
        visibleIdsInOrder = null;
      }
    } else {
      put(e);
    }
  }

  private void put(Element element) {
    Element before = elements.put(element.id(), element);
    digests.remove(element.id());
    if (before == null || before.deleted() != element.deleted()) {
      visibleIdsInOrder = null;
    }
  }

  /** The highest seq applied (or restored from a snapshot); 0 for a new board. */
  public long headSeq() {
    return headSeq;
  }

  /** The element with this id, tombstoned or not; null if there is none. */
  public Element get(String id) {
    return elements.get(id);
  }

  /** Every element, tombstones included, in no particular order. */
  public Collection<Element> allElements() {
    return Collections.unmodifiableCollection(elements.values());
  }

  /** The elements that are not deleted, back to front. */
  public List<Element> visibleElements() {
    List<Element> visible = new ArrayList<>(elements.size());
    for (Element e : elements.values()) {
      if (!e.deleted()) {
        visible.add(e);
      }
    }
    visible.sort(ZOrder.PAINT_ORDER);
    return visible;
  }

  public int size() {
    return elements.size();
  }

  /** The highest z of any element (deleted ones too, so a restored one cannot tie); 0 if none. */
  public double topZ() {
    double top = 0;
    for (Element e : elements.values()) {
      top = Math.max(top, e.z());
    }
    return top;
  }

  /** The lowest z of any element; 0 if none. */
  public double bottomZ() {
    double bottom = 0;
    for (Element e : elements.values()) {
      bottom = Math.min(bottom, e.z());
    }
    return bottom;
  }

  /** The board as a snapshot at the head seq. */
  public BoardSnapshot snapshot() {
    List<Element> all = new ArrayList<>(elements.values());
    all.sort((a, b) -> a.id().compareTo(b.id()));
    return new BoardSnapshot(headSeq, all);
  }

  /**
   * A stable hex digest of the visible board (R46): SHA-256 over (id, element digest) of every
   * visible element in id order. Same visible board ⇒ same hash on any machine; the seq and
   * tombstones do not count. Element digests and the id order are cached, so repeated hashes are
   * cheap.
   */
  public String hash() {
    List<String> ids = visibleIdsInOrder();
    MessageDigest sha = sha256();
    // Fed in chunks rather than per element: the same bytes, a fraction of the update() calls.
    ByteBuffer buf = ByteBuffer.allocate(HASH_CHUNK_BYTES);
    for (String id : ids) {
      if (buf.remaining() < ProtocolLimits.MAX_ID_LENGTH + Long.BYTES) {
        sha.update(buf.array(), 0, buf.position());
        buf.clear();
      }
      // Ids are ASCII ([A-Za-z0-9_.:-], checked on construction), so each char is its UTF-8 byte.
      for (int i = 0; i < id.length(); i++) {
        buf.put((byte) id.charAt(i));
      }
      Long digest = digests.get(id);
      if (digest == null) {
        digest = elements.get(id).digest();
        digests.put(id, digest);
      }
      buf.putLong(digest);
    }
    sha.update(buf.array(), 0, buf.position());
    return HexFormat.of().formatHex(sha.digest());
  }

  private List<String> visibleIdsInOrder() {
    if (visibleIdsInOrder == null) {
      List<String> ids = new ArrayList<>(elements.size());
      for (Element e : elements.values()) {
        if (!e.deleted()) {
          ids.add(e.id());
        }
      }
      Collections.sort(ids);
      visibleIdsInOrder = Collections.unmodifiableList(ids);
    }
    return visibleIdsInOrder;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
