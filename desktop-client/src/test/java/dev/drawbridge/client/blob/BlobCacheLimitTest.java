package dev.drawbridge.client.blob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.blob.BlobIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetched pictures are evicted least recently used first; own and pinned ones never. */
class BlobCacheLimitTest {
  @TempDir Path home;

  private static byte[] bytes(int seed) {
    byte[] b = new byte[1_000];
    new java.util.Random(seed).nextBytes(b);
    return b;
  }

  private static void usedAt(BlobStore store, String id, long second) throws Exception {
    Files.setLastModifiedTime(store.path(id), FileTime.from(Instant.ofEpochSecond(second)));
  }

  @Test
  void evictsTheLeastRecentlyUsedFetchedBlobsButNeverOwnOrPinnedOnes() throws Exception {
    BlobStore store = BlobStore.in(home);
    String own = store.put(bytes(0));
    String pinned = BlobIds.of(bytes(1));
    String old = BlobIds.of(bytes(2));
    String recent = BlobIds.of(bytes(3));
    store.putFetched(pinned, bytes(1));
    store.putFetched(old, bytes(2));
    store.putFetched(recent, bytes(3));
    usedAt(store, own, 1);
    usedAt(store, pinned, 2);
    usedAt(store, old, 3);
    usedAt(store, recent, 4);

    List<String> evicted = new BlobCacheLimit(store, 1_500).trim(Set.of(pinned));

    assertThat(evicted).containsExactly(old, recent);
    assertThat(store.has(own)).isTrue();
    assertThat(store.has(pinned)).isTrue();
    assertThat(store.has(old)).isFalse();
  }

  @Test
  void readingABlobMakesItRecent() throws Exception {
    BlobStore store = BlobStore.in(home);
    String a = BlobIds.of(bytes(1));
    String b = BlobIds.of(bytes(2));
    store.putFetched(a, bytes(1));
    store.putFetched(b, bytes(2));
    usedAt(store, a, 1);
    usedAt(store, b, 2);
    assertThat(store.get(a)).isPresent();

    assertThat(new BlobCacheLimit(store, 1_000).trim(Set.of())).containsExactly(b);
  }

  @Test
  void puttingAFetchedPictureMakesItTheUsersOwn() {
    BlobStore store = BlobStore.in(home);
    String id = BlobIds.of(bytes(1));
    store.putFetched(id, bytes(1));
    store.put(bytes(1));
    assertThat(new BlobCacheLimit(store, 0).trim(Set.of())).isEmpty();
    assertThat(store.has(id)).isTrue();
  }

  @Test
  void unfinishedPutsOfACrashedRunAreCleanedAtStart() throws Exception {
    BlobStore store = BlobStore.in(home);
    String id = store.put(bytes(1));
    Path leftover = store.path(id).resolveSibling("deadbeef123.part");
    Files.write(leftover, bytes(2));
    Instant started = Instant.now();
    Path ongoing = store.path(id).resolveSibling("cafe0123.part");
    Files.write(ongoing, bytes(3));
    Files.setLastModifiedTime(ongoing, FileTime.from(started.plusSeconds(1)));
    store.cleanLeftovers(started);
    assertThat(leftover).doesNotExist();
    assertThat(store.get(id)).contains(bytes(1));
    assertThat(ongoing).as("a put of this run, under way").exists();
  }
}
