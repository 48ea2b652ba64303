package dev.drawbridge.client.ui.bench;

import static dev.drawbridge.client.ui.bench.RenderBenchmark.fx;
import static dev.drawbridge.client.ui.bench.RenderBenchmark.onFx;

import dev.drawbridge.client.bench.PhotoBoard;
import dev.drawbridge.client.blob.BlobSource;
import dev.drawbridge.client.blob.BlobStore;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.sync.LocalOnlySession;
import dev.drawbridge.client.ui.canvas.BoardCanvas;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.management.ObjectName;

/**
 * Issue 15's picture figures: the {@link PhotoBoard} (200 photos of 2–12 MP, bytes in a blob store
 * on disk) opened in the app's board view, then panned at 100 % (a handful of photos in view) and
 * at 25 % (about 60), each pan starting once the pictures in view are decoded; the pictures exposed
 * by the pan decode in the background while it runs, as they would for a user. Prints the frame
 * gaps, the decoded pictures held and the process's RSS ({@code /proc/self/status}).
 *
 * <pre>
 * BENCH_JAVA_OPTS="-Dbench.only=photos" desktop-client/src/bench/render-bench.sh
 * </pre>
 *
 * The photos are generated once into {@code -Dbench.photoDir} (default {@code
 * $TMPDIR/drawbridge-bench-photos}); run twice and read the second run's RSS, as the first one's
 * includes the heap the generation grew.
 */
final class PhotoScenario {
  static final boolean ONLY = "photos".equals(System.getProperty("bench.only", ""));

  private final RenderBenchmark bench;
  private BoardCanvas canvas;

  PhotoScenario(RenderBenchmark bench) {
    this.bench = bench;
  }

  void run(Path home) throws Exception {
    Path dir =
        Path.of(
            System.getProperty(
                "bench.photoDir",
                Path.of(System.getProperty("java.io.tmpdir"), "drawbridge-bench-photos")
                    .toString()));
    BlobStore store = new BlobStore(home.resolve("blobs"));
    long t0 = System.nanoTime();
    List<Element> photos = PhotoBoard.elements(dir, store);
    long bytes = 0;
    long pixels = 0;
    for (Element e : photos) {
      bytes += Files.size(store.path(e.image().blob()));
      pixels += (long) e.image().width() * e.image().height();
    }
    System.out.printf(
        Locale.ROOT,
        "photo board: %d JPEGs, %.0f MP in all (%.1f–%.1f MP each), %.0f MB of files; ready in"
            + " %.1f s%n",
        photos.size(),
        pixels / 1e6,
        photos.stream().mapToDouble(PhotoScenario::megapixels).min().orElse(0),
        photos.stream().mapToDouble(PhotoScenario::megapixels).max().orElse(0),
        bytes / 1e6,
        (System.nanoTime() - t0) / 1e9);
    printMemory("before the board is shown");
    LocalBoard board = new LocalBoard();
    board.restore(new BoardSnapshot(0, photos), List.of());
    canvas = bench.show(new LocalOnlySession(board, "photos", "bench"));
    onFx(
        () -> {
          canvas.setBlobs(BlobSource.of(store));
          return null;
        });
    double open = untilDecoded();
    System.out.printf(
        Locale.ROOT, "opened (fit: all 200 in view) and every picture drawn in %.1f s%n", open);
    for (double zoom : new double[] {1, 0.25}) {
      onFx(
          () -> {
            canvas.zoomTo(zoom);
            canvas.showView(PhotoBoard.WIDTH / 2, PhotoBoard.HEIGHT / 2, zoom);
            return null;
          });
      double settle = untilDecoded();
      System.out.printf(
          Locale.ROOT,
          "zoom %.0f %%: pictures in view decoded %.1f s after the zoom%n",
          zoom * 100,
          settle);
      bench.pan(
          String.format(
              Locale.ROOT, "photos: pan at %.0f %% (middle-button drag, 6 px a pulse)", zoom * 100),
          480);
      printMemory("after the pan at " + Math.round(zoom * 100) + " %");
      untilDecoded();
      System.out.println("  pictures in view, settled: " + fx(() -> inView(photos)));
    }
    if (Boolean.getBoolean("bench.histogram")) {
      // -Dbench.histogram=true: what the live heap holds (the top of jcmd's GC.class_histogram).
      String[] lines = diagnosticCommand("gcClassHistogram").split("\n");
      for (int i = 0; i < Math.min(lines.length, 22); i++) {
        System.out.println("  " + lines[i]);
      }
    }
  }

  /** How many photos meet the view, and how many of them are held at the level they are drawn. */
  private String inView(List<Element> photos) {
    double scale = canvas.viewport().scale();
    var area = canvas.viewport().visible(canvas.getWidth(), canvas.getHeight());
    int shown = 0;
    int sharp = 0;
    for (Element e : photos) {
      if (e.x() < area.maxX()
          && e.x() + e.w() > area.minX()
          && e.y() < area.maxY()
          && e.y() + e.h() > area.minY()) {
        shown++;
        if (canvas.pictures().holdsLevelFor(e.image(), e.w() * scale, e.h() * scale)) {
          sharp++;
        }
      }
    }
    return shown + ", " + sharp + " of them at the level drawn";
  }

  private static double megapixels(Element e) {
    return e.image().width() * (double) e.image().height() / 1e6;
  }

  /** Seconds until the view is painted and no picture waits to be decoded. */
  private double untilDecoded() throws Exception {
    long t = System.nanoTime();
    while (true) {
      bench.untilSettled(null);
      if (fx(() -> canvas.pictures().pendingDecodes() == 0 && canvas.isSettled())) {
        return (System.nanoTime() - t) / 1e9;
      }
      Thread.sleep(50);
    }
  }

  private void printMemory(String when) throws Exception {
    long held = canvas == null ? 0 : fx(() -> canvas.pictures().heldBytes());
    long budget = canvas == null ? 0 : fx(() -> canvas.pictures().budgetBytes());
    String status = Files.readString(Path.of("/proc/self/status"));
    System.out.printf(
        Locale.ROOT,
        "memory %s: RSS %s (anon %s, file %s, shmem %s), peak RSS %s; heap used %.0f MB; decoded"
            + " pictures held %.0f MB of %.0f MB%n",
        when,
        field(status, "VmRSS"),
        field(status, "RssAnon"),
        field(status, "RssFile"),
        field(status, "RssShmem"),
        field(status, "VmHWM"),
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1e6,
        held / 1e6,
        budget / 1e6);
    if (Boolean.getBoolean("bench.textures")) {
      System.out.println("  renderer's image textures: " + fx(PhotoScenario::imageTextures));
    }
    // Live data, apart from garbage the collector has not reclaimed yet (after the RSS above).
    System.out.printf(
        Locale.ROOT, "  heap live after GC: %.0f MB%n", RenderBenchmark.heapAfterGc() / 1e6);
    if (Boolean.getBoolean("bench.textures")) {
      Thread.sleep(200);
      System.out.println("  … after that GC: " + fx(PhotoScenario::imageTextures));
    }
    if (Boolean.getBoolean("bench.nmt")) {
      // -Dbench.nmt=true with -XX:NativeMemoryTracking=summary: where the RSS goes (heap, GC,
      // threads, code, native allocations such as the renderer's), as jcmd VM.native_memory.
      for (String line : diagnosticCommand("vmNativeMemory", "summary", "scale=MB").split("\n")) {
        if (line.startsWith("Total") || line.startsWith("-") || line.contains("(reserved=")) {
          System.out.println("  nmt " + line.strip());
        }
      }
      // The mappings behind the RSS that NMT does not track (malloc arenas, libraries, X/GTK).
      String name = "";
      String range = "";
      for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
        if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
          String[] f = line.split("\\s+", 6);
          range = f[0];
          name = f.length > 5 ? f[5] : "[anon]";
        } else if (line.startsWith("Rss:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          if (kb >= 4096) {
            System.out.printf(Locale.ROOT, "  map %6d MB %s %s%n", kb >> 10, range, name);
          }
        }
      }
    }
  }

  /**
   * -Dbench.textures=true (with {@code --add-opens javafx.graphics/com.sun.prism.impl=ALL-UNNAMED
   * --add-exports javafx.graphics/com.sun.prism=ALL-UNNAMED}): the textures the software renderer
   * keeps for images (its cache is weak on the image), counted and in MB of pixels.
   */
  private static String imageTextures() {
    try {
      Class<?> pipelines = Class.forName("com.sun.prism.GraphicsPipeline");
      Object pipeline = pipelines.getMethod("getPipeline").invoke(null);
      Object factory = pipelines.getMethod("getDefaultResourceFactory").invoke(pipeline);
      java.lang.reflect.Field cache =
          Class.forName("com.sun.prism.impl.BaseResourceFactory").getDeclaredField("clampTexCache");
      cache.setAccessible(true);
      Map<?, ?> textures = (Map<?, ?>) cache.get(factory);
      Class<?> texture = Class.forName("com.sun.prism.Texture");
      long pixels = 0;
      int n = 0;
      for (Object t : new ArrayList<>(textures.values())) {
        int w = (int) texture.getMethod("getPhysicalWidth").invoke(t);
        int h = (int) texture.getMethod("getPhysicalHeight").invoke(t);
        pixels += (long) w * h;
        n++;
      }
      return String.format(Locale.ROOT, "%d, %.0f MB", n, pixels * 4 / 1e6);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return "? (" + e + ")";
    }
  }

  private static String field(String status, String name) {
    for (String line : status.split("\n")) {
      if (line.startsWith(name + ":")) {
        long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        return String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
      }
    }
    return "?";
  }

  /**
   * The output of a jcmd command run in this JVM (e.g. "gcClassHistogram" for GC.class_histogram).
   */
  private static String diagnosticCommand(String operation, String... arguments) throws Exception {
    return ManagementFactory.getPlatformMBeanServer()
        .invoke(
            new ObjectName("com.sun.management:type=DiagnosticCommand"),
            operation,
            new Object[] {arguments},
            new String[] {String[].class.getName()})
        .toString();
  }
}
