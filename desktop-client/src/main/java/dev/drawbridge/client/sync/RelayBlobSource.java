package dev.drawbridge.client.sync;

import dev.drawbridge.client.blob.BlobSource;
import dev.drawbridge.client.blob.BlobStore;
import dev.drawbridge.protocol.blob.BlobIds;
import dev.drawbridge.protocol.blob.ImageHeader;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pictures of a shared board: what the on-disk {@link BlobStore} has, and {@code blob_get}
 * (R112) for what it lacks — those in view first, at most {@value #MAX_IN_FLIGHT} at once (the
 * relay refuses a fifth as {@code busy}), repeated asks folded. Arriving chunks are put together,
 * checked (SHA-256 and an image header within {@code MAX_IMAGE_SIDE}, R115) off the UI thread, kept
 * in the store and announced to the arrival listeners on the UI thread. A blob the relay does not
 * hold, or whose bytes are not what they claim, is missing; {@code busy} and {@code rate_limited}
 * are asked again later, and what was in flight when the connection dropped is asked again on the
 * next one.
 *
 * <p>Touched on the session's UI executor only, apart from the checks handed to {@code io}.
 */
final class RelayBlobSource implements BlobSource {
  static final int MAX_IN_FLIGHT = 4;
  // A relay says its limit in the welcome; this bounds what a hostile one can make us allocate.
  private static final long MAX_FETCH_BYTES = 64L << 20;
  private static final Logger log = LoggerFactory.getLogger(RelayBlobSource.class);

  /** A fetch under way: the chunks received so far. */
  private static final class Fetch {
    final boolean inView;
    byte[] bytes;
    int received;

    Fetch(boolean inView) {
      this.inView = inView;
    }
  }

  private final BlobStore store;
  private final Connection connection;
  private final UiTimers timers;
  private final Executor io;
  private final Executor ui;
  private final Runnable afterArrival;
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private final LinkedHashSet<String> inViewQueue = new LinkedHashSet<>();
  private final LinkedHashSet<String> backgroundQueue = new LinkedHashSet<>();
  private final Map<String, Fetch> inFlight = new HashMap<>();
  private final Set<String> checking = new HashSet<>();
  private final Set<String> missing = new HashSet<>();
  private boolean relayStoresNone;

  /**
   * @param io where received bytes are checked and written (the session's journal thread)
   * @param ui the session's UI executor, where the results come back
   * @param afterArrival run on the UI thread after each blob stored (the cache limit's trim)
   */
  RelayBlobSource(
      BlobStore store,
      Connection connection,
      UiTimers timers,
      Executor io,
      Executor ui,
      Runnable afterArrival) {
    this.store = store;
    this.connection = connection;
    this.timers = timers;
    this.io = io;
    this.ui = ui;
    this.afterArrival = afterArrival;
  }

  // ---- BlobSource (UI thread) ----------------------------------------------------------------

  @Override
  public String put(byte[] bytes) {
    String id = store.put(bytes);
    missing.remove(id);
    return id;
  }

  @Override
  public Optional<byte[]> bytes(String blobId) {
    return store.get(blobId);
  }

  @Override
  public void want(String blobId, boolean inView) {
    if (!BlobIds.isValid(blobId)
        || missing.contains(blobId)
        || inFlight.containsKey(blobId)
        || checking.contains(blobId)
        || store.has(blobId)) {
      return;
    }
    if (inView) {
      backgroundQueue.remove(blobId);
      inViewQueue.add(blobId);
    } else if (!inViewQueue.contains(blobId)) {
      backgroundQueue.add(blobId);
    }
    pump();
  }

  @Override
  public void onArrival(Consumer<String> listener) {
    listeners.add(listener);
  }

  @Override
  public boolean isMissing(String blobId) {
    return missing.contains(blobId) || relayStoresNone && !store.has(blobId);
  }

  // ---- the connection's events (UI thread)
  // -------------------------------------------------------

  /** The relay's welcome: without {@code maxBlobBytes} it holds no pictures to fetch (R109). */
  void welcomed(Long maxBlobBytes) {
    boolean before = relayStoresNone;
    relayStoresNone = maxBlobBytes == null;
    if (relayStoresNone && !before) {
      // Wanted pictures will not come: let the canvas draw them as missing.
      List.copyOf(inViewQueue).forEach(this::announce);
      List.copyOf(backgroundQueue).forEach(this::announce);
    }
  }

  /** Caught up: fetch what is wanted. */
  void synced() {
    pump();
  }

  /** The connection dropped: what was in flight is asked for again first on the next one. */
  void connectionDropped() {
    for (Map.Entry<String, Fetch> e : inFlight.entrySet()) {
      requeueFirst(e.getKey(), e.getValue().inView);
    }
    inFlight.clear();
  }

  /** A chunk of a fetch: false when it answers nothing we asked for. */
  boolean data(ServerMessage.BlobData chunk) {
    Fetch f = inFlight.get(chunk.blob());
    if (f == null) {
      return false;
    }
    if (f.bytes == null) {
      if (chunk.offset() != 0 || chunk.size() > MAX_FETCH_BYTES) {
        giveUp(chunk.blob(), "a first chunk at " + chunk.offset() + " of " + chunk.size());
        return true;
      }
      f.bytes = new byte[(int) chunk.size()];
    }
    if (chunk.offset() != f.received
        || chunk.size() != f.bytes.length
        || f.received + chunk.data().length > f.bytes.length) {
      giveUp(chunk.blob(), "a chunk at " + chunk.offset() + " after " + f.received + " bytes");
      return true;
    }
    System.arraycopy(chunk.data(), 0, f.bytes, f.received, chunk.data().length);
    f.received += chunk.data().length;
    if (f.received == f.bytes.length) {
      inFlight.remove(chunk.blob());
      checking.add(chunk.blob());
      check(chunk.blob(), f.bytes);
      pump();
    }
    return true;
  }

  /** {@code blob_refused} for a fetch: false when we are not fetching that blob. */
  boolean refused(ServerMessage.BlobRefused refused) {
    Fetch f = inFlight.remove(refused.blob());
    if (f == null) {
      return false;
    }
    if (refused.retryAfterMs() > 0) {
      int gen = connection.generation();
      timers.later(
          Duration.ofMillis(refused.retryAfterMs()),
          () -> {
            if (gen == connection.generation()) {
              requeueFirst(refused.blob(), f.inView);
              pump();
            }
          });
      return true;
    }
    log.info("The relay cannot send picture {} ({})", refused.blob(), refused.reason());
    missing.add(refused.blob());
    announce(refused.blob());
    pump();
    return true;
  }

  // ---- inside ----------------------------------------------------------------------------------

  private void pump() {
    if (!connection.isSynced() || relayStoresNone) {
      return;
    }
    while (inFlight.size() < MAX_IN_FLIGHT) {
      LinkedHashSet<String> queue = inViewQueue.isEmpty() ? backgroundQueue : inViewQueue;
      if (queue.isEmpty()) {
        return;
      }
      String id = queue.removeFirst();
      if (store.has(id)) {
        continue;
      }
      if (!connection.send(new ClientMessage.BlobGet(id))) {
        queue.addFirst(id);
        return; // the socket closed underneath; its close event is on its way
      }
      inFlight.put(id, new Fetch(queue == inViewQueue));
    }
  }

  private void requeueFirst(String id, boolean inView) {
    (inView ? inViewQueue : backgroundQueue).addFirst(id);
  }

  /** Checks and stores received bytes off the UI thread, then announces them on it. */
  private void check(String id, byte[] bytes) {
    io.execute(
        () -> {
          boolean good =
              BlobIds.of(bytes).equals(id)
                  && ImageHeader.read(bytes)
                      .filter(h -> h.fitsWithin(ProtocolLimits.MAX_IMAGE_SIDE))
                      .isPresent();
          if (good) {
            try {
              store.putFetched(id, bytes);
            } catch (RuntimeException e) {
              log.warn("Could not keep picture {}: {}", id, e.getMessage());
            }
          } else {
            log.warn("Picture {} from the relay is not what it claims to be: dropped", id);
          }
          ui.execute(
              () -> {
                checking.remove(id);
                if (!good) {
                  missing.add(id);
                }
                announce(id);
                if (good) {
                  afterArrival.run();
                }
              });
        });
  }

  /** A fetch that broke the order of R112: dropped, and the blob counts as missing. */
  private void giveUp(String id, String what) {
    log.warn("Picture {} from the relay came as {}: dropped", id, what);
    inFlight.remove(id);
    missing.add(id);
    announce(id);
    pump();
  }

  private void announce(String id) {
    for (Consumer<String> l : listeners) {
      try {
        l.accept(id);
      } catch (RuntimeException e) {
        log.warn("A picture listener failed", e);
      }
    }
  }
}
