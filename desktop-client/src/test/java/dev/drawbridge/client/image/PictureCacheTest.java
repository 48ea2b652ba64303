package dev.drawbridge.client.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.image.PictureCache.Key;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PictureCacheTest {
  @Test
  void theLeastRecentlyUsedPictureGoesFirst() {
    PictureCache<String> cache = new PictureCache<>(300);
    cache.put(new Key("a", 0), "a0", 100);
    cache.put(new Key("b", 0), "b0", 100);
    cache.put(new Key("c", 0), "c0", 100);
    assertThat(cache.get(new Key("a", 0))).isEqualTo("a0"); // a is now the most recent
    cache.put(new Key("d", 0), "d0", 100);
    assertThat(cache.contains(new Key("b", 0))).isFalse();
    assertThat(cache.contains(new Key("a", 0))).isTrue();
    assertThat(cache.bytes()).isEqualTo(300);
  }

  @Test
  void aLowerBoundDropsTheLeastRecentlyUsedAtOnce() {
    PictureCache<String> cache = new PictureCache<>(300);
    cache.put(new Key("a", 0), "a0", 100);
    cache.put(new Key("b", 0), "b0", 100);
    cache.put(new Key("c", 0), "c0", 100);
    cache.get(new Key("a", 0));
    cache.setMaxBytes(200);
    assertThat(cache.contains(new Key("b", 0))).isFalse();
    assertThat(cache.bytes()).isEqualTo(200);
    cache.setMaxBytes(400);
    cache.put(new Key("d", 0), "d0", 100);
    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.maxBytes()).isEqualTo(400);
  }

  @Test
  void levelsOfOnePictureAreHeldApartAndTheNearestStandsIn() {
    PictureCache<String> cache = new PictureCache<>(1_000);
    cache.put(new Key("a", 1), "a1", 100);
    cache.put(new Key("a", 4), "a4", 10);
    assertThat(cache.get(new Key("a", 2))).isNull();
    assertThat(cache.nearest("a", 2)).isEqualTo("a1"); // finer first
    assertThat(cache.nearest("a", 4)).isEqualTo("a1"); // the exact one is get's job
    assertThat(cache.nearest("a", 5)).isEqualTo("a4");
    assertThat(cache.nearest("b", 2)).isNull();
  }

  @Test
  void aPictureLargerThanTheWholeBoundIsNotKept() {
    PictureCache<String> cache = new PictureCache<>(100);
    cache.put(new Key("a", 0), "a0", 60);
    cache.put(new Key("huge", 0), "h", 101);
    assertThat(cache.contains(new Key("huge", 0))).isFalse();
    assertThat(cache.contains(new Key("a", 0))).isTrue();
  }

  @Test
  void memoryStaysBoundedWhateverIsPut() {
    PictureCache<String> cache = new PictureCache<>(64L << 20);
    Random random = new Random(3);
    for (int i = 0; i < 5_000; i++) {
      long bytes = 1L + random.nextInt(16 << 20);
      cache.put(new Key("p" + random.nextInt(300), random.nextInt(6)), "x", bytes);
      assertThat(cache.bytes()).isLessThanOrEqualTo(64L << 20);
    }
    assertThat(cache.size()).isPositive();
  }
}
