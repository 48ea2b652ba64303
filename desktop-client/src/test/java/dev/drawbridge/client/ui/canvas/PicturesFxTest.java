package dev.drawbridge.client.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.blob.BlobSource;
import dev.drawbridge.client.image.TestPictures;
import dev.drawbridge.protocol.blob.BlobIds;
import dev.drawbridge.protocol.element.ImageRef;
import java.awt.Color;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.image.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The canvas's decoded pictures, with decodes run by hand: levels, placeholders, the fetch asked
 * for missing bytes, broken pictures and the memory bound. (JavaFX images need the toolkit, hence
 * the extension; nothing is shown.)
 */
@ExtendWith(ApplicationExtension.class)
class PicturesFxTest {
  private final Deque<Runnable> decodes = new ArrayDeque<>();
  private final List<String> changed = new ArrayList<>();
  private final FakeBlobs blobs = new FakeBlobs();

  private Pictures pictures(long maxBytes) {
    Pictures p = new Pictures(decodes::add, Runnable::run, maxBytes);
    p.setBlobs(blobs);
    p.onChange(changed::add);
    return p;
  }

  private void runDecodes() {
    while (!decodes.isEmpty()) {
      decodes.poll().run();
    }
  }

  private ImageRef png(int w, int h) {
    byte[] bytes = TestPictures.file(w, h, Color.RED, "png");
    String id = BlobIds.of(bytes);
    blobs.held.put(id, bytes);
    return new ImageRef(id, "image/png", w, h);
  }

  @Test
  void aPictureIsPendingUntilDecodedThenReadyAtTheLevelTheViewNeeds() {
    Pictures p = pictures(Pictures.DEFAULT_MAX_BYTES);
    ImageRef ref = png(800, 400);
    assertThat(p.picture(ref, 200, 100)).isEqualTo(Picture.PENDING);
    assertThat(p.pendingDecodes()).isEqualTo(1);
    runDecodes();
    assertThat(changed).containsExactly(ref.blob());
    Picture ready = p.picture(ref, 200, 100);
    assertThat(ready).isInstanceOf(Picture.Ready.class);
    Image image = ((Picture.Ready) ready).image();
    assertThat(image.getWidth()).isEqualTo(200); // level 2 of 800
    // Zoomed in: the finer level decodes, and the coarse one stands in meanwhile.
    Picture meanwhile = p.picture(ref, 800, 400);
    assertThat(((Picture.Ready) meanwhile).image()).isSameAs(image);
    runDecodes();
    assertThat(((Picture.Ready) p.picture(ref, 800, 400)).image().getWidth()).isEqualTo(800);
  }

  @Test
  void missingBytesAreAskedForAndDrawnOnceTheyArrive() {
    Pictures p = pictures(Pictures.DEFAULT_MAX_BYTES);
    byte[] bytes = TestPictures.file(10, 10, Color.BLUE, "png");
    ImageRef ref = new ImageRef(BlobIds.of(bytes), "image/png", 10, 10);
    assertThat(p.picture(ref, 10, 10)).isEqualTo(Picture.PENDING);
    assertThat(blobs.wanted).containsExactly(ref.blob());
    blobs.held.put(ref.blob(), bytes);
    blobs.arrived(ref.blob());
    assertThat(changed).contains(ref.blob());
    p.picture(ref, 10, 10);
    runDecodes();
    assertThat(p.picture(ref, 10, 10)).isInstanceOf(Picture.Ready.class);
  }

  @Test
  void missingAndHostileBlobsAreBroken() {
    Pictures p = pictures(Pictures.DEFAULT_MAX_BYTES);
    ImageRef gone = new ImageRef("b".repeat(64), "image/png", 10, 10);
    blobs.missing.add(gone.blob());
    p.picture(gone, 10, 10);
    assertThat(p.picture(gone, 10, 10)).isEqualTo(Picture.BROKEN);

    byte[] bomb = TestPictures.pngClaiming(100_000, 100_000);
    ImageRef hostile = new ImageRef(BlobIds.of(bomb), "image/png", 100, 100);
    blobs.held.put(hostile.blob(), bomb);
    p.picture(hostile, 100, 100);
    runDecodes();
    assertThat(p.picture(hostile, 100, 100)).isEqualTo(Picture.BROKEN);
  }

  @Test
  void theExportSourceDecodesAtOnce() {
    Pictures p = pictures(Pictures.DEFAULT_MAX_BYTES);
    ImageRef ref = png(64, 32);
    Picture now = p.now().picture(ref, 64, 32);
    assertThat(now).isInstanceOf(Picture.Ready.class);
    assertThat(decodes).isEmpty();
  }

  @Test
  void decodedPicturesStayWithinTheirMemoryBound() {
    long bound = 100L * 100 * Pictures.BYTES_PER_PIXEL * 3; // three 100×100 pictures
    Pictures p = pictures(bound);
    for (int i = 0; i < 10; i++) {
      ImageRef ref = png(100, 100 + i);
      p.picture(ref, 100, 100 + i);
      runDecodes();
      assertThat(p.heldBytes()).isLessThanOrEqualTo(bound);
    }
    assertThat(p.heldBytes()).isPositive();
  }

  @Test
  void theBoundFollowsWhatTheViewNeedsBetweenAFloorAndTheFixedBound() {
    Pictures p = pictures(Pictures.DEFAULT_MAX_BYTES);
    p.viewNeeds(0);
    assertThat(p.budgetBytes()).isEqualTo(Pictures.MIN_VIEW_BYTES);
    p.viewNeeds(20L << 20);
    assertThat(p.budgetBytes()).isEqualTo(Pictures.VIEW_MARGIN * (20L << 20));
    p.viewNeeds(1L << 40);
    assertThat(p.budgetBytes()).isEqualTo(Pictures.DEFAULT_MAX_BYTES);
    // A level needs 8 bytes a pixel of its size: 4000 × 3000 drawn 600 × 450 is level 2.
    ImageRef photo = new ImageRef("0".repeat(64), "image/jpeg", 4000, 3000);
    assertThat(Pictures.bytesFor(photo, 600, 450)).isEqualTo(1000L * 750 * 8);
  }

  @Test
  void aSmallerViewDropsPicturesDrawnLongestAgo() {
    long picture = 100L * 100 * Pictures.BYTES_PER_PIXEL;
    Pictures p = new Pictures(decodes::add, Runnable::run, 10 * picture, picture);
    p.setBlobs(blobs);
    List<ImageRef> refs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      refs.add(png(100, 100 + i));
      p.picture(refs.get(i), 100, 100 + i);
      runDecodes();
    }
    assertThat(p.heldBytes()).isGreaterThan(3 * picture);
    p.viewNeeds(picture);
    assertThat(p.heldBytes()).isLessThanOrEqualTo(2 * picture);
    // The most recently drawn stays.
    assertThat(p.picture(refs.get(3), 100, 103)).isInstanceOf(Picture.Ready.class);
  }

  @Test
  void aDecodedPictureKeepsItsColours() {
    Pictures p = pictures(Pictures.DEFAULT_MAX_BYTES);
    ImageRef ref = png(400, 200);
    p.picture(ref, 100, 50); // level 2: decoded, then halved
    runDecodes();
    Image image = ((Picture.Ready) p.picture(ref, 100, 50)).image();
    assertThat(image.getPixelReader().getArgb(10, 10)).isEqualTo(0xFFFF0000);
    p.picture(ref, 400, 200); // level 0: the decoded pixels as they are
    runDecodes();
    Image whole = ((Picture.Ready) p.picture(ref, 400, 200)).image();
    assertThat(whole.getWidth()).isEqualTo(400);
    assertThat(whole.getPixelReader().getArgb(399, 199)).isEqualTo(0xFFFF0000);
  }

  /** Blobs held in memory, with the fetch and arrival a shared board has. */
  private static final class FakeBlobs implements BlobSource {
    final Map<String, byte[]> held = new HashMap<>();
    final List<String> wanted = new ArrayList<>();
    final List<String> missing = new ArrayList<>();
    private final List<Consumer<String>> arrivals = new ArrayList<>();

    @Override
    public String put(byte[] bytes) {
      String id = BlobIds.of(bytes);
      held.put(id, bytes);
      return id;
    }

    @Override
    public Optional<byte[]> bytes(String blobId) {
      return Optional.ofNullable(held.get(blobId));
    }

    @Override
    public void want(String blobId, boolean inView) {
      wanted.add(blobId);
    }

    @Override
    public void onArrival(Consumer<String> listener) {
      arrivals.add(listener);
    }

    @Override
    public boolean isMissing(String blobId) {
      return missing.contains(blobId);
    }

    void arrived(String blobId) {
      arrivals.forEach(l -> l.accept(blobId));
    }
  }
}
