package dev.drawbridge.relay.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpIdFilterTest {

  private static String randomId(Random random) {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void everyAddedIdIsReportedAsPossiblyPresent(long seed) {
    Random random = new Random(seed);
    OpIdFilter filter = new OpIdFilter(random.nextInt(5_000));
    List<String> added = new ArrayList<>();
    int n = 1 + random.nextInt(20_000);
    for (int i = 0; i < n; i++) {
      String id = random.nextBoolean() ? randomId(random) : "op-" + random.nextInt(1_000_000);
      filter.add(id);
      added.add(id);
    }
    assertThat(added).allMatch(filter::mightContain);
  }

  @Test
  void growsPastItsCapacityWithoutLosingIdsAndKeepsFalsePositivesRare() {
    OpIdFilter filter = new OpIdFilter(1_000);
    Random random = new Random(7);
    Set<String> added = new HashSet<>();
    for (int i = 0; i < 50_000; i++) {
      String id = "client-" + (i % 50) + "-" + i;
      filter.add(id);
      added.add(id);
    }
    assertThat(filter.layerCount()).isGreaterThan(1);
    assertThat(added).allMatch(filter::mightContain);
    // Six layers; each tighter than the last, so all together stay near the first one's ~0.8 %
    // (equal layers added up to ~5 % here).
    assertThat(filter.layerCount()).isEqualTo(6);
    assertThat(falsePositives(filter, 20_000, random)).isLessThan(20_000 / 50);
  }

  @Test
  void aRoomThatGrewFromEmptyToAHundredThousandIdsStillRarelyAsksTheLog() {
    OpIdFilter filter = new OpIdFilter(0);
    for (int i = 0; i < 100_000; i++) {
      filter.add("c" + (i % 50) + "-" + i);
    }
    // Nine layers (256 → 65,536 ids); with equal layers this was ~7 %.
    assertThat(filter.layerCount()).isEqualTo(9);
    assertThat(falsePositives(filter, 50_000, new Random(11))).isLessThan(50_000 / 50);
  }

  /** How many of {@code probes} random ids, never added, the filter says it might contain. */
  private static int falsePositives(OpIdFilter filter, int probes, Random random) {
    int count = 0;
    for (int i = 0; i < probes; i++) {
      if (filter.mightContain(randomId(random))) {
        count++;
      }
    }
    return count;
  }

  @Test
  void anEmptyFilterContainsNothing() {
    OpIdFilter filter = new OpIdFilter(0);
    assertThat(filter.mightContain("anything")).isFalse();
    assertThat(filter.mightContain("")).isFalse();
  }
}
