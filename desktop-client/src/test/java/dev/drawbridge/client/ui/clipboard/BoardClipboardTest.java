package dev.drawbridge.client.ui.clipboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.blob.BlobSource;
import dev.drawbridge.client.io.TestPictures;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.ui.tool.Selection;
import dev.drawbridge.client.ui.tool.SelectionEdits;
import dev.drawbridge.protocol.element.Binding;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Copy and paste between two board screens through one clipboard, without a toolkit. */
class BoardClipboardTest {
  private final FakePort port = new FakePort();
  private final List<String> notices = new ArrayList<>();
  private final Screen a = new Screen();
  private final Screen b = new Screen();

  /** One board screen: its board, selection, pictures and clipboard. */
  private final class Screen {
    final LocalBoard board = new LocalBoard();
    final Selection selection = new Selection();
    final BlobSource blobs = BlobSource.inMemory();
    boolean viewer;
    boolean holdsImages = true;
    double[] pointer = {500, 500};
    final BoardClipboard clipboard =
        new BoardClipboard(
            new BoardClipboard.Board(
                board,
                new SelectionEdits(board, selection),
                blobs,
                () -> viewer,
                () -> holdsImages,
                () -> pointer,
                () -> Style.DEFAULT),
            port,
            (error, key, args) -> notices.add(key));

    List<Element> visible() {
      return board.view().visibleElements();
    }
  }

  private void drawSample(Screen s) {
    s.board.submit(
        new Op.AddElement(
            Element.shape("box", ElementKind.RECTANGLE, 0, 0, 100, 50, Style.DEFAULT, 1)));
    s.board.submit(
        new Op.AddElement(
            Element.shape("far", ElementKind.ELLIPSE, 900, 900, 10, 10, Style.DEFAULT, 2)));
    s.board.submit(
        new Op.AddElement(
            Element.shape("arr", ElementKind.ARROW, 100, 25, 100, 0, Style.DEFAULT, 3)
                .withBindings(Binding.to("box", 1, 0.5), Binding.to("far", 0, 0.5))));
    s.blobs.put(TestPictures.PNG);
    s.board.submit(new Op.AddElement(TestPictures.image("pic", 200, 0, 40, 20)));
    s.selection.set(List.of("box", "arr", "pic"));
  }

  @Test
  void copyThenPasteOnAnotherBoardIsOneStepAtThePointerWithNewIdsAndRebinding() {
    drawSample(a);
    List<String> putBeforeAdd = new ArrayList<>();
    b.board.addOpObserver(
        op -> {
          if (op.op() instanceof Op.AddElement add && add.element().hasImage()) {
            putBeforeAdd.add(
                String.valueOf(b.blobs.bytes(add.element().image().blob()).isPresent()));
          }
        });

    assertThat(a.clipboard.copy()).isTrue();
    assertThat(b.clipboard.paste("bob")).isTrue();

    List<Element> pasted = b.visible();
    assertThat(pasted).hasSize(3);
    assertThat(pasted).extracting(Element::id).doesNotContain("box", "arr", "pic");
    assertThat(b.selection.ids())
        .containsExactlyInAnyOrderElementsOf(pasted.stream().map(Element::id).toList());
    Element box = only(pasted, ElementKind.RECTANGLE, false);
    Element arrow = only(pasted, ElementKind.ARROW, false);
    Element picture = only(pasted, ElementKind.RECTANGLE, true);
    assertThat(arrow.startBinding().elementId()).isEqualTo(box.id());
    assertThat(arrow.endBinding()).isNull();
    // Relative layout kept: the picture stays 200 right of the box.
    assertThat(picture.x() - box.x()).isEqualTo(200);
    assertThat(b.blobs.bytes(TestPictures.PNG_ID)).isPresent();
    assertThat(putBeforeAdd).containsExactly("true");
    // The group's middle is at the pointer.
    double minX = pasted.stream().mapToDouble(e -> e.bounds()[0]).min().orElseThrow();
    double maxX = pasted.stream().mapToDouble(e -> e.bounds()[2]).max().orElseThrow();
    assertThat((minX + maxX) / 2).isEqualTo(500);
    // One undo step takes the whole paste away.
    b.board.undo();
    assertThat(b.visible()).isEmpty();
    assertThat(notices).isEmpty();
  }

  @Test
  void cutCopiesAndDeletes() {
    drawSample(a);
    assertThat(a.clipboard.cut()).isTrue();
    assertThat(a.visible()).extracting(Element::id).containsExactly("far");
    assertThat(b.clipboard.paste("bob")).isTrue();
    assertThat(b.visible()).hasSize(3);
  }

  @Test
  void aViewerCannotPasteOrCut() {
    drawSample(a);
    a.clipboard.copy();
    b.viewer = true;
    assertThat(b.clipboard.paste("bob")).isFalse();
    assertThat(b.visible()).isEmpty();
    a.viewer = true;
    assertThat(a.clipboard.cut()).isFalse();
    assertThat(a.visible()).hasSize(4);
    assertThat(notices).containsExactly("clip.refused.viewer", "clip.refused.viewer");
  }

  @Test
  void hostileContentChangesNothingAndSaysWhy() {
    for (String[] c :
        new String[][] {
          {"{not json", "clip.refused.malformed"},
          {
            "{\"format\":\"drawbridge-clipboard\",\"version\":7,\"snapshot\":{}}",
            "clip.refused.tooNew"
          },
          {
            "{\"format\":\"drawbridge-clipboard\",\"version\":1,\"snapshot\":{\"seq\":0,"
                + "\"elements\":[{\"id\":\"x\"}]}}",
            "clip.refused.invalid"
          },
          {
            "{\"format\":\"drawbridge-clipboard\",\"version\":1,\"snapshot\":{\"seq\":0,"
                + "\"elements\":[]},\"pictures\":{\""
                + TestPictures.PNG_ID
                + "\":\"AAAA\"}}",
            "clip.refused.badPicture"
          }
        }) {
      notices.clear();
      port.drawbridge = c[0];
      assertThat(b.clipboard.paste("bob")).isFalse();
      assertThat(notices).containsExactly(c[1]);
    }
    assertThat(b.visible()).isEmpty();
    assertThat(b.board.canUndo()).isFalse();
  }

  @Test
  void picturesWithoutTheirBytesOrOnABoardWithoutPicturesAreLeftOut() {
    drawSample(a);
    a.selection.set(List.of("box", "pic"));
    a.clipboard.copy();
    // Bytes travel with the copy, but this board's relay holds no pictures (R109).
    b.holdsImages = false;
    assertThat(b.clipboard.paste("bob")).isTrue();
    assertThat(b.visible()).extracting(Element::hasImage).containsExactly(false);
    assertThat(notices).containsExactly("clip.noImages");
    // A copy made where the bytes were not: nowhere to take them from.
    Screen c = new Screen();
    c.board.submit(new Op.AddElement(TestPictures.image("pic", 0, 0, 4, 2)));
    c.selection.set(List.of("pic"));
    c.clipboard.copy();
    Screen d = new Screen();
    assertThat(d.clipboard.paste("dan")).isFalse();
    assertThat(notices).containsExactly("clip.noImages", "clip.picturesMissing");
  }

  @Test
  void plainTextBecomesATextElementAtThePointer() {
    port.text = "hello\nworld";
    b.pointer = new double[] {40, 60};
    assertThat(b.clipboard.paste("bob")).isTrue();
    Element text = b.visible().getFirst();
    assertThat(text.kind()).isEqualTo(ElementKind.TEXT);
    assertThat(text.text()).isEqualTo("hello\nworld");
    assertThat((text.bounds()[0] + text.bounds()[2]) / 2).isEqualTo(40);
    assertThat(b.selection.ids()).containsExactly(text.id());
  }

  @Test
  void textFromAnOwnerThatAnswersEveryFormatWithItIsPastedAsText() {
    // xclip gives its text for whatever format is asked, ours included (found by hand: "The
    // clipboard holds nothing Drawbridge can paste").
    port.text = "ascii only text, 中文";
    port.drawbridge = port.text;
    assertThat(b.clipboard.paste("bob")).isTrue();
    assertThat(b.visible().getFirst().text()).isEqualTo("ascii only text, 中文");
    assertThat(notices).isEmpty();

    // Broken Drawbridge content next to other text is still refused, and says so.
    port.drawbridge = "{\"format\": 1, broken";
    assertThat(b.clipboard.paste("bob")).isFalse();
    assertThat(notices).containsExactly("clip.refused.malformed");
  }

  private static Element only(List<Element> elements, ElementKind kind, boolean image) {
    return elements.stream()
        .filter(e -> e.kind() == kind && e.hasImage() == image)
        .reduce(
            (x, y) -> {
              throw new AssertionError("two " + kind);
            })
        .orElseThrow();
  }

  /** A clipboard holding Drawbridge content or text, as a test sets it. */
  private static final class FakePort implements ClipboardPort {
    String drawbridge;
    String text;

    @Override
    public void put(Copied copied) {
      drawbridge = copied.drawbridge();
    }

    @Override
    public Optional<byte[]> drawbridge() {
      return Optional.ofNullable(drawbridge)
          .map(d -> d.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public Optional<String> text() {
      return Optional.ofNullable(text);
    }
  }
}
