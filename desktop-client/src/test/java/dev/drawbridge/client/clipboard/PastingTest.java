package dev.drawbridge.client.clipboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drawbridge.protocol.element.Element;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PastingTest {
  private final AtomicInteger next = new AtomicInteger();
  private final Supplier<String> ids = () -> "new" + next.incrementAndGet();

  @Test
  void copiesGetNewIdsKeepTheirLayoutAndCentreOnThePoint() {
    List<Element> source = ClipFormatTest.sample();
    List<Element> copies = Pasting.place(source, 1000, 2000, 50, "me", ids);

    assertThat(copies).hasSize(source.size());
    assertThat(copies)
        .extracting(Element::id)
        .doesNotContainAnyElementsOf(source.stream().map(Element::id).toList());
    double[] before = Pasting.bounds(source);
    double[] after = Pasting.bounds(copies);
    assertThat((after[0] + after[2]) / 2).isCloseTo(1000, within(1e-9));
    assertThat((after[1] + after[3]) / 2).isCloseTo(2000, within(1e-9));
    assertThat(after[2] - after[0]).isCloseTo(before[2] - before[0], within(1e-9));
    // Every copy moved by the same amount.
    double dx = copy(copies, source, "box").x() - byId(source, "box").x();
    for (String id : List.of("pen", "arr", "pic")) {
      assertThat(copy(copies, source, id).x() - byId(source, id).x()).isCloseTo(dx, within(1e-9));
    }
    assertThat(copies).allSatisfy(c -> assertThat(c.z()).isGreaterThan(50));
    assertThat(copies).allSatisfy(c -> assertThat(c.author()).isEqualTo("me"));
    assertThat(copy(copies, source, "pic").image()).isEqualTo(byId(source, "pic").image());
  }

  @Test
  void bindingsFollowPastedTargetsAndOthersBecomeFree() {
    List<Element> source = ClipFormatTest.sample();
    List<Element> copies = Pasting.place(source, 0, 0, 0, "me", ids);
    Element arrow = copy(copies, source, "arr");

    assertThat(arrow.startBinding().elementId()).isEqualTo(copy(copies, source, "box").id());
    assertThat(arrow.startBinding().x()).isEqualTo(1.0);
    assertThat(arrow.endBinding()).isNull();
  }

  @Test
  void shiftedKeepsThePaintOrderAndSkipsDeleted() {
    List<Element> source = ClipFormatTest.sample();
    List<Element> withDeleted =
        List.of(source.get(0), source.get(1).withDeleted(true), source.get(2));
    List<Element> copies = Pasting.shifted(withDeleted, 20, 20, 0, "me", ids);
    assertThat(copies).hasSize(2);
    assertThat(copies.get(0).x()).isEqualTo(20);
    assertThat(copies.get(0).z()).isLessThan(copies.get(1).z());
  }

  @Test
  void copiesOfAGroupFormANewGroupAndALoneMemberIsInNone() {
    List<Element> source = ClipFormatTest.sample();
    List<Element> grouped =
        List.of(
            byId(source, "box").withGroup("g1"),
            byId(source, "pen").withGroup("g1"),
            byId(source, "arr").withGroup("g2"),
            byId(source, "pic"));
    List<Element> copies = Pasting.place(grouped, 0, 0, 0, "me", ids);
    String boxGroup = copy(copies, grouped, "box").group();
    assertThat(boxGroup).isNotNull().isNotEqualTo("g1");
    assertThat(copy(copies, grouped, "pen").group()).isEqualTo(boxGroup);
    // Only one element of g2 came along: a group of one is no group (R122).
    assertThat(copy(copies, grouped, "arr").group()).isNull();
    assertThat(copy(copies, grouped, "pic").group()).isNull();
    // Copies are never locked (R127).
    List<Element> locked =
        Pasting.place(List.of(byId(source, "box").withLocked(true)), 0, 0, 0, "me", ids);
    assertThat(locked.getFirst().hasLock()).isFalse();
    // Pasting the same clip again makes another group, not a bigger one.
    List<Element> again = Pasting.place(grouped, 0, 0, 0, "me", ids);
    assertThat(copy(again, grouped, "box").group()).isNotEqualTo(boxGroup);
  }

  /** The copy of the source element {@code id} (copies keep the source's paint order). */
  private static Element copy(List<Element> copies, List<Element> source, String id) {
    List<Element> sorted = new java.util.ArrayList<>(source);
    sorted.sort(dev.drawbridge.protocol.element.ZOrder.PAINT_ORDER);
    return copies.get(sorted.indexOf(byId(source, id)));
  }

  private static Element byId(List<Element> elements, String id) {
    return elements.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
  }
}
