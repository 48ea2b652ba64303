package dev.drawbridge.protocol.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.element.Binding;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Routing;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.fixtures.RandomProtocol;
import dev.drawbridge.protocol.fixtures.Seeds;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random interleavings of members editing shapes and the connectors bound to them
 * (docs/protocol.md R100–R106). Each member makes its ops against what it sees (its confirmed board
 * plus its own pending ops, R47), so members act concurrently on stale views: one moves or resizes
 * a shape while another drags the connector's other end, one deletes a shape while another re-binds
 * to it or away from it, two re-bind the same end. A relay picks the order. At the end every member
 * holds the same board, the same hash, and draws every connector at the same place.
 */
class ConnectorConvergencePropertyTest {
  private static final List<String> SHAPES = List.of("s0", "s1", "s2");
  private static final List<String> CONNECTORS = List.of("c0", "c1");

  static LongStream seeds() {
    return Seeds.fixedPlusFresh(300);
  }

  /** One member: confirmed board, pending ops, and the view the user sees. */
  private static final class Member {
    final String name;
    final BoardState confirmed = new BoardState();
    final Deque<Op> pending = new ArrayDeque<>();
    int next;

    Member(String name) {
      this.name = name;
    }

    BoardState view() {
      BoardState view = confirmed.copy();
      pending.forEach(view::applyOp);
      return view;
    }
  }

  private record Sequenced(Member author, String id, Op op) {}

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void membersConvergeWhateverTheInterleaving(long seed) {
    RandomProtocol gen = new RandomProtocol(seed);
    List<Member> members = List.of(new Member("ana"), new Member("ben"), new Member("cy"));
    List<Sequenced> queue = new ArrayList<>();
    long seq = 0;
    // Everyone starts from the same board: three shapes, two connectors bound to them.
    for (Op op : setup(gen)) {
      seq++;
      for (Member m : members) {
        m.confirmed.apply(seq, "setup-" + seq, op);
      }
    }
    int steps = gen.between(20, 80);
    for (int i = 0; i < steps || !queue.isEmpty(); i++) {
      if (i < steps && (queue.isEmpty() || gen.chance(0.55))) {
        Member author = gen.pick(members);
        for (Op op : concurrentEdit(gen, author.view())) {
          author.pending.add(op);
          queue.add(new Sequenced(author, author.name + "-" + author.next++, op));
        }
      } else {
        // The relay sequences the oldest pending op of a random member (per-member FIFO).
        Member author = gen.pick(members.stream().filter(m -> !m.pending.isEmpty()).toList());
        Sequenced s = queue.stream().filter(q -> q.author() == author).findFirst().orElseThrow();
        queue.remove(s);
        seq++;
        for (Member m : members) {
          m.confirmed.apply(seq, s.id(), s.op());
        }
        author.pending.removeFirst();
      }
      // Mid-way, every member's view is a valid board: each end attached or free (R102).
      for (Member m : members) {
        BoardState view = m.view();
        for (String c : CONNECTORS) {
          double[] ends = Connectors.ends(view.get(c), view);
          for (double v : ends) {
            assertThat(Double.isFinite(v)).as("seed %d", seed).isTrue();
          }
        }
      }
    }
    BoardState reference = members.getFirst().confirmed;
    for (Member m : members) {
      assertThat(m.pending).isEmpty();
      assertThat(m.view().hash()).as("R46, seed %d, %s", seed, m.name).isEqualTo(reference.hash());
      assertThat(m.confirmed.snapshot()).isEqualTo(reference.snapshot());
      for (String c : CONNECTORS) {
        assertThat(Connectors.ends(m.confirmed.get(c), m.confirmed))
            .as("R102: drawn ends of %s, seed %d", c, seed)
            .containsExactly(Connectors.ends(reference.get(c), reference));
      }
    }
    // R102: an attached end sits on its target's bounds; a free one at its stored point.
    for (String c : CONNECTORS) {
      Element conn = reference.get(c);
      double[] ends = Connectors.ends(conn, reference);
      Element target = Connectors.target(conn, conn.endBinding(), reference::get);
      if (target == null) {
        assertThat(ends[2]).isEqualTo(conn.x() + conn.w());
        assertThat(ends[3]).isEqualTo(conn.y() + conn.h());
      } else {
        double[] b = target.bounds();
        assertThat(ends[2]).isBetween(b[0], b[2]);
        assertThat(ends[3]).isBetween(b[1], b[3]);
      }
    }
  }

  private static List<Op> setup(RandomProtocol gen) {
    List<Op> ops = new ArrayList<>();
    double z = 1;
    for (String s : SHAPES) {
      ElementKind kind = gen.chance(0.5) ? ElementKind.RECTANGLE : ElementKind.ELLIPSE;
      ops.add(
          new Op.AddElement(
              Element.shape(
                  s,
                  kind,
                  gen.between(-500, 500),
                  gen.between(-500, 500),
                  100,
                  60,
                  Style.DEFAULT,
                  z++)));
    }
    for (String c : CONNECTORS) {
      Element line = Element.shape(c, ElementKind.ARROW, 0, 0, 10, 10, Style.DEFAULT, z++);
      ops.add(
          new Op.AddElement(
              line.withBindings(
                  Binding.to(gen.pick(SHAPES), 1, 0.5), Binding.to(gen.pick(SHAPES), 0, 0.5))));
    }
    return ops;
  }

  /** What a member does next, made from its own (possibly stale) view, as the client would. */
  private static List<Op> concurrentEdit(RandomProtocol gen, BoardState view) {
    String shape = gen.pick(SHAPES);
    String connector = gen.pick(CONNECTORS);
    Element conn = view.get(connector);
    double[] ends = Connectors.ends(conn, view);
    if (gen.between(0, 9) == 3) {
      return deleteLeavingEndsWhereTheyAre(view, shape);
    }
    return List.of(
        switch (gen.between(0, 9)) {
          // Move or resize a shape: no op for its connectors (R102).
          case 0, 1 ->
              new Op.UpdateElement(
                  shape, ElementPatch.move(gen.between(-800, 800), gen.between(-800, 800)));
          case 2 ->
              new Op.UpdateElement(shape, ElementPatch.NONE.withSize(gen.between(1, 300), 40));
          // Delete a shape: its connectors' ends stay drawn where they were (R105) because the
          // deleting client stores their drawn points; restore (undo) re-attaches them.
          case 3 -> new Op.DeleteElement(shape);
          case 4 -> new Op.UpdateElement(shape, ElementPatch.restore());
          // Drag the end off into free space: unbind, stored point = where it is dropped.
          case 5 ->
              endPatch(
                  connector,
                  ends,
                  gen.between(-900, 900),
                  gen.between(-900, 900),
                  Binding.FREE,
                  false);
          // Re-bind an end (maybe to a deleted shape, seen or not by this member).
          case 6, 7 -> {
            Element target = view.get(shape);
            Binding binding =
                Connectors.snapTo(target, gen.between(-900, 900), gen.between(-900, 900));
            double[] p = Connectors.ends(conn.withBindings(binding, binding), view);
            yield endPatch(connector, ends, p[0], p[1], binding, gen.chance(0.5));
          }
          case 8 -> new Op.UpdateElement(connector, ElementPatch.NONE.withRouting(Routing.ELBOW));
          default ->
              new Op.UpdateElement(connector, ElementPatch.NONE.withLabel("l" + gen.between(0, 9)));
        });
  }

  /**
   * The update a client sends when it moves one end: the binding of that end, and the stored points
   * of both ends as drawn now (so the stored geometry is one writer's consistent snapshot).
   */
  private static Op endPatch(
      String connector, double[] ends, double px, double py, Binding binding, boolean start) {
    double sx = start ? px : ends[0];
    double sy = start ? py : ends[1];
    double ex = start ? ends[2] : px;
    double ey = start ? ends[3] : py;
    ElementPatch patch = ElementPatch.move(sx, sy).withSize(ex - sx, ey - sy);
    patch = start ? patch.withStartBinding(binding) : patch.withEndBinding(binding);
    return new Op.UpdateElement(connector, patch);
  }

  /**
   * As the client deletes (R105): first each connector bound to the shape gets its drawn points as
   * its stored points (bindings kept, so undo re-attaches), then the delete.
   */
  private static List<Op> deleteLeavingEndsWhereTheyAre(BoardState view, String shape) {
    List<Op> ops = new ArrayList<>();
    for (String c : CONNECTORS) {
      Element conn = view.get(c);
      if (Connectors.isBoundTo(conn, shape, view::get)) {
        double[] e = Connectors.ends(conn, view);
        ops.add(
            new Op.UpdateElement(
                c, ElementPatch.move(e[0], e[1]).withSize(e[2] - e[0], e[3] - e[1])));
      }
    }
    ops.add(new Op.DeleteElement(shape));
    return ops;
  }
}
