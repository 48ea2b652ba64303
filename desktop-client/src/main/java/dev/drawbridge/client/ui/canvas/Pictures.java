package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.blob.BlobSource;
import dev.drawbridge.client.image.ImageRefusedException;
import dev.drawbridge.client.image.PictureCache;
import dev.drawbridge.client.image.PictureCache.Key;
import dev.drawbridge.client.image.PictureLevels;
import dev.drawbridge.protocol.element.ImageRef;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.image.Image;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board's decoded pictures: each image element is drawn from the level of its picture that the
 * view needs ({@link PictureLevels}), held in a {@link PictureCache} bounded by pixel bytes. A
 * level not held is decoded off the UI thread, the most recently asked first (what the user looks
 * at now), one at a time (the board shares the machine's cores with the UI); meanwhile a
 * neighbouring level is drawn if one is held, else a placeholder, and bytes not on this machine are
 * asked for ({@link BlobSource#want}). Listeners hear each blob whose picture changed (decoded,
 * arrived, found broken) so the canvas repaints where it is shown.
 */
public final class Pictures implements PictureSource {
  private static final Logger LOG = LoggerFactory.getLogger(Pictures.class);

  /**
   * Pixel bytes held: 96 MB at {@link #BYTES_PER_PIXEL}, i.e. 12 megapixels, six times a 1920×1080
   * view: every picture in view fits even at up to twice the resolution it is shown at (levels
   * round up), with room for the neighbouring zoom levels the canvas pre-renders. Bounded this
   * tightly for the app's memory target (docs/performance.md, "Pictures").
   */
  public static final long DEFAULT_MAX_BYTES = 96L << 20;

  /**
   * The least the budget that follows the view ({@link #viewNeeds}) comes down to: 32 MB, four
   * megapixels, so that pictures just out of view, or pasted into it, stay decoded.
   */
  public static final long MIN_VIEW_BYTES = 32L << 20;

  /**
   * How many times what the view shows the budget holds: the pictures a pan is about to expose and
   * those the neighbouring zoom levels pre-render ask for levels of their own meanwhile.
   */
  static final int VIEW_MARGIN = 2;

  /** A decoded image, plus the copy the software renderer makes of it when it first draws it. */
  static final int BYTES_PER_PIXEL = 8;

  /** Decodes running or handed to the decoder at once: each holds a file's bytes meanwhile. */
  private static final int MAX_RUNNING = 1;

  private final Executor decoder;
  private final Executor ui;
  private final PictureCache<Image> cache;
  private final long maxBytes;
  private final long minViewBytes;
  private final Deque<Key> waiting = new ArrayDeque<>();
  private final Set<Key> queued = new HashSet<>();
  private final Set<String> broken = new HashSet<>();
  private final List<Consumer<String>> listeners = new ArrayList<>();
  private BlobSource blobs = BlobSource.inMemory();
  private int running;

  /**
   * @param decoder runs decodes (a background thread in the app; {@code Runnable::run} in tests)
   * @param ui where results come back ({@code Platform::runLater} in the app)
   */
  public Pictures(Executor decoder, Executor ui, long maxBytes) {
    this(decoder, ui, maxBytes, Math.min(MIN_VIEW_BYTES, maxBytes));
  }

  /** As above, with the floor of the budget that follows the view (for tests). */
  Pictures(Executor decoder, Executor ui, long maxBytes, long minViewBytes) {
    this.decoder = decoder;
    this.ui = ui;
    this.maxBytes = maxBytes;
    this.minViewBytes = minViewBytes;
    this.cache = new PictureCache<>(maxBytes);
  }

  /** Decoding on one low-priority daemon thread, results on the JavaFX thread. */
  public static Pictures inBackground() {
    Executor thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "picture-decoder");
              t.setDaemon(true);
              t.setPriority(Thread.MIN_PRIORITY);
              return t;
            });
    // -Ddrawbridge.pictureCacheMb: for measuring the memory the bound buys (docs/performance.md).
    long mb = Long.getLong("drawbridge.pictureCacheMb", DEFAULT_MAX_BYTES >> 20);
    return new Pictures(thread, Platform::runLater, mb << 20);
  }

  /** Where the pictures' bytes come from (the board session's blobs). */
  public void setBlobs(BlobSource source) {
    blobs = source;
    source.onArrival(
        blob -> {
          broken.remove(blob);
          changed(blob);
        });
  }

  /** Hears each blob whose picture changed (decoded, arrived or broken); on the UI thread. */
  public void onChange(Consumer<String> listener) {
    listeners.add(listener);
  }

  @Override
  public Picture picture(ImageRef ref, double pixelsAcross, double pixelsDown) {
    Key key = key(ref, pixelsAcross, pixelsDown);
    Image image = cache.get(key);
    if (image != null) {
      return new Picture.Ready(image);
    }
    if (broken.contains(ref.blob())) {
      return Picture.BROKEN;
    }
    request(key);
    Image near = cache.nearest(ref.blob(), key.level());
    return near != null ? new Picture.Ready(near) : Picture.PENDING;
  }

  /**
   * A source that decodes what is not held at once, on the calling thread: for exports, which must
   * show every picture this machine has at the export's resolution.
   */
  public PictureSource now() {
    return (ref, across, down) -> {
      Key key = key(ref, across, down);
      Image image = cache.get(key);
      if (image != null) {
        return new Picture.Ready(image);
      }
      Optional<byte[]> bytes = blobs.bytes(ref.blob());
      if (bytes.isEmpty()) {
        return blobs.isMissing(ref.blob()) ? Picture.BROKEN : Picture.PENDING;
      }
      Image decoded = decode(bytes.get(), key.level());
      if (decoded == null) {
        broken.add(ref.blob());
        return Picture.BROKEN;
      }
      keep(key, decoded);
      return new Picture.Ready(decoded);
    };
  }

  /**
   * What the pictures around the view take decoded at the levels they are drawn at now ({@link
   * #bytesFor}): the bound on what is held becomes {@link #VIEW_MARGIN} times that, between {@link
   * #MIN_VIEW_BYTES} and the fixed bound given at construction. Zoomed out over many photos the
   * view needs a fraction of the fixed bound, and the rest would only hold pictures long out of
   * view (with the renderer's copy of each: docs/performance.md, "Pictures"). Least recently drawn
   * pictures go first when the bound comes down.
   */
  public void viewNeeds(long bytes) {
    cache.setMaxBytes(Math.max(minViewBytes, Math.min(maxBytes, VIEW_MARGIN * bytes)));
  }

  /** The pixel bytes held for {@code ref} drawn {@code across} × {@code down} device pixels. */
  public static long bytesFor(ImageRef ref, double across, double down) {
    int[] size =
        PictureLevels.size(
            ref.width(),
            ref.height(),
            PictureLevels.levelFor(ref.width(), ref.height(), across, down));
    return (long) size[0] * size[1] * BYTES_PER_PIXEL;
  }

  /**
   * True when {@code ref} drawn {@code across} × {@code down} device pixels is held at the level
   * that size needs (for the benchmark: no picture in view blurry or a placeholder).
   */
  public boolean holdsLevelFor(ImageRef ref, double across, double down) {
    return cache.contains(key(ref, across, down));
  }

  /** The bound on pixel bytes held now (for tests and the benchmark). */
  public long budgetBytes() {
    return cache.maxBytes();
  }

  /** Pixel bytes held by decoded pictures (for tests and the benchmark). */
  public long heldBytes() {
    return cache.bytes();
  }

  /** Decodes still to run (for tests). */
  public int pendingDecodes() {
    return waiting.size() + running;
  }

  private static Key key(ImageRef ref, double across, double down) {
    return new Key(ref.blob(), PictureLevels.levelFor(ref.width(), ref.height(), across, down));
  }

  private void request(Key key) {
    if (queued.add(key)) {
      waiting.addLast(key);
    }
    feed();
  }

  private void feed() {
    while (running < MAX_RUNNING && !waiting.isEmpty()) {
      Key key = waiting.pollLast();
      Optional<byte[]> bytes = blobs.bytes(key.blob());
      if (bytes.isEmpty()) {
        queued.remove(key);
        if (blobs.isMissing(key.blob())) {
          broken.add(key.blob());
          changed(key.blob());
        } else {
          // Painting asks only for what is drawn: the tiles in view and just around it.
          blobs.want(key.blob(), true);
        }
        continue;
      }
      running++;
      byte[] file = bytes.get();
      decoder.execute(
          () -> {
            Image image = decode(file, key.level());
            ui.execute(() -> finished(key, image));
          });
    }
  }

  private void finished(Key key, Image image) {
    running--;
    queued.remove(key);
    if (image == null) {
      broken.add(key.blob());
    } else {
      keep(key, image);
    }
    changed(key.blob());
    feed();
  }

  private void keep(Key key, Image image) {
    long bytes = (long) image.getWidth() * (long) image.getHeight() * BYTES_PER_PIXEL;
    cache.put(key, image, bytes);
  }

  private void changed(String blob) {
    for (Consumer<String> l : List.copyOf(listeners)) {
      l.accept(blob);
    }
  }

  /** The JavaFX image of {@code level} of {@code file}, or null when it is not a picture. */
  private static Image decode(byte[] file, int level) {
    try {
      BufferedImage decoded = PictureLevels.decode(file, level);
      return FxPixels.of(decoded);
    } catch (ImageRefusedException e) {
      LOG.info("A picture on the board cannot be shown: {}", e.getMessage());
      return null;
    } catch (OutOfMemoryError e) {
      // Bounded by the header check and subsampling; if the heap is short anyway, the picture is
      // shown broken rather than the app dying.
      LOG.warn("Out of memory decoding a picture", e);
      return null;
    }
  }
}
