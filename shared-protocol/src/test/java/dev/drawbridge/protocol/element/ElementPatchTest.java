package dev.drawbridge.protocol.element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drawbridge.protocol.fixtures.RandomProtocol;
import dev.drawbridge.protocol.validation.InvalidFieldException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Patches, their inverses (how undo works) and the text rule (docs/protocol.md R33). */
class ElementPatchTest {

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void applyingAPatchThenItsInverseRestoresTheElement(long seed) {
    RandomProtocol gen = new RandomProtocol(seed);
    for (int i = 0; i < 10; i++) {
      Element before = gen.element("e" + i);
      ElementPatch patch = gen.patch();
      Element after = patch.applyTo(before);
      ElementPatch inverse = patch.inverseOn(before);
      assertThat(inverse.applyTo(after)).as("seed %d, patch %s", seed, patch).isEqualTo(before);
    }
  }

  @Test
  void undoOfTheFirstTextEditOfAnEmptyTextElementEmptiesItAgain() {
    Element empty = Element.text("t", 0, 0, null, Style.DEFAULT, 1);
    assertThat(empty.text()).isEmpty();
    ElementPatch typed = ElementPatch.NONE.withText("hello");
    Element after = typed.applyTo(empty);
    assertThat(after.text()).isEqualTo("hello");
    assertThat(typed.inverseOn(empty).applyTo(after)).isEqualTo(empty);
  }

  @Test
  void textOnlyChangesTextElements() {
    Element box = Element.shape("b", ElementKind.RECTANGLE, 0, 0, 10, 10, Style.DEFAULT, 1);
    assertThat(ElementPatch.NONE.withText("label").applyTo(box)).isEqualTo(box);
  }

  @Test
  void nullFieldsLeavePropertiesAsTheyAre() {
    Element box = Element.shape("b", ElementKind.ELLIPSE, 1, 2, 3, 4, Style.DEFAULT, 5);
    assertThat(ElementPatch.NONE.applyTo(box)).isEqualTo(box);
    Element moved = ElementPatch.move(7, 8).applyTo(box);
    assertThat(moved.x()).isEqualTo(7);
    assertThat(moved.y()).isEqualTo(8);
    assertThat(moved.w()).isEqualTo(3);
    assertThat(moved.style()).isEqualTo(box.style());
  }

  @Test
  void restoreIsDeletedFalseOnly() {
    assertThat(ElementPatch.restore())
        .isEqualTo(
            new ElementPatch(
                null, null, null, null, null, null, null, null, null, null, null, false));
    Element box = Element.shape("b", ElementKind.LINE, 0, 0, 1, 1, Style.DEFAULT, 1);
    assertThat(ElementPatch.restore().applyTo(box.withDeleted(true))).isEqualTo(box);
  }

  @Test
  void builderFieldsAreChecked() {
    assertThatThrownBy(() -> ElementPatch.NONE.withColor("red"))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> ElementPatch.NONE.withOpacity(1.5))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> ElementPatch.NONE.withFontSize(0))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> ElementPatch.NONE.withWidth(Double.NaN))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> ElementPatch.move(2e7, 0)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> ElementPatch.NONE.withText("x".repeat(10_001)))
        .isInstanceOf(InvalidFieldException.class)
        .satisfies(e -> assertThat(((InvalidFieldException) e).tooBig()).isTrue());
  }
}
