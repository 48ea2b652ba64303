package dev.drawbridge.protocol.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Field checks: ids, colours, lengths (docs/protocol.md R8, R9, R60). */
class RequireTest {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?");
  private static final String CHARS = "aZ09_.:-#fF/ é０١\u0000";

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  /** The hand-written checks accept exactly what the documented patterns accept. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void idAndColorChecksMatchTheirPatterns(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 50; i++) {
      StringBuilder b = new StringBuilder(random.nextBoolean() ? "#" : "");
      int length = random.nextInt(random.nextBoolean() ? 10 : 70);
      for (int j = 0; j < length; j++) {
        b.append(CHARS.charAt(random.nextInt(CHARS.length())));
      }
      String s = b.toString();
      assertThat(accepts(() -> Require.id(s, "id")))
          .as("id %s", s)
          .isEqualTo(ID.matcher(s).matches());
      assertThat(accepts(() -> Require.color(s, "color")))
          .as("color %s", s)
          .isEqualTo(COLOR.matcher(s).matches());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"#ff00AA", "#ff00aa80", "#000000"})
  void colorsAccepted(String color) {
    assertThat(Require.color(color, "c")).isEqualTo(color);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ff00aa", "#ff00a", "#ff00aa8", "#gg0000", "#００００００", "#ff00aa800"})
  void colorsRefused(String color) {
    assertThatThrownBy(() -> Require.color(color, "c")).isInstanceOf(InvalidFieldException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {65, 1000})
  void overlongIdsAreTooBig(int length) {
    assertThatThrownBy(() -> Require.id("a".repeat(length), "id"))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.tooBig()).isTrue());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 64})
  void idsUpTo64CharsAreFine(int length) {
    assertThat(Require.id("a".repeat(length), "id")).hasSize(length);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "a/b", "é", "a\u0000"})
  void badIdsAreInvalidNotTooBig(String id) {
    assertThatThrownBy(() -> Require.id(id, "id"))
        .isInstanceOfSatisfying(
            InvalidFieldException.class,
            e -> {
              assertThat(e.tooBig()).isFalse();
              assertThat(e.field()).isEqualTo("id");
            });
  }

  @org.junit.jupiter.api.Test
  void listsAreCopiedBoundedAndNullFree() {
    assertThat(Require.list(List.of("a"), 1, "l")).containsExactly("a");
    assertThatThrownBy(() -> Require.list(List.of("a", "b"), 1, "l"))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.tooBig()).isTrue());
    assertThatThrownBy(() -> Require.list(java.util.Arrays.asList("a", null), 5, "l"))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.missing()).isTrue());
  }

  private static boolean accepts(Runnable check) {
    try {
      check.run();
      return true;
    } catch (InvalidFieldException e) {
      return false;
    }
  }

  @org.junit.jupiter.api.Test
  void roomNamesAreLettersDigitsDashAndUnderscoreUpTo64() {
    org.assertj.core.api.Assertions.assertThat(Require.isRoomName("team-a_1")).isTrue();
    org.assertj.core.api.Assertions.assertThat(Require.isRoomName("x".repeat(64))).isTrue();
    for (String bad : new String[] {null, "", "x".repeat(65), "a b", "a/b", "é", "a.b"}) {
      org.assertj.core.api.Assertions.assertThat(Require.isRoomName(bad)).as(bad).isFalse();
    }
  }
}
