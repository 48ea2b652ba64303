package dev.drawbridge.client.clipboard;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.drawbridge.client.io.PictureCheck;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Drawbridge clipboard format, {@value #MIME}: {@code {"format":"drawbridge-clipboard",
 * "version":1,"snapshot":{...},"pictures":{"<blob id>":"<base64>",...}}}, where the snapshot is the
 * protocol's (so the elements are exactly what the codec writes and checks) and each picture is a
 * file named by its SHA-256 (R108).
 *
 * <p>Reading is bounded before anything is built: the text length, each picture's size (a picture's
 * base64 length is checked before it is decoded), the pictures' total and the number of elements;
 * hostile content is refused with a {@link ClipRefused} and nothing else. The snapshot is handed to
 * the protocol codec as text, never as a JSON tree, so points stay compact.
 */
public final class ClipFormat {
  /** The clipboard type other Drawbridge apps look for. */
  public static final String MIME = "application/x-drawbridge-clip+json";

  public static final String FORMAT = "drawbridge-clipboard";
  public static final int VERSION = 1;

  /** The most elements one paste may bring (a copy of more is refused as well). */
  public static final int MAX_ELEMENTS = 10_000;

  /** One picture's largest size: the relay's default {@code --max-blob-bytes} (R113). */
  public static final int MAX_PICTURE_BYTES = 10 * 1024 * 1024;

  /** All pictures of one clipboard together; a copy leaves out those past it. */
  public static final long MAX_PICTURES_BYTES = 40L * 1024 * 1024;

  /**
   * The longest clipboard content read at all (characters, or UTF-8 bytes): the pictures in base64
   * plus the elements.
   */
  public static final int MAX_CHARS = 96 * 1024 * 1024;

  static final int MAX_PICTURE_CHARS = base64Length(MAX_PICTURE_BYTES);

  private final ProtocolCodec codec = new ProtocolCodec();
  private final JsonFactory json =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(16)
                  .maxStringLength(MAX_PICTURE_CHARS + 16)
                  .maxNumberLength(64)
                  .maxDocumentLength(MAX_CHARS)
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  /**
   * The clipboard text for {@code content}. Pictures past {@link #MAX_PICTURES_BYTES} in total are
   * left out (they paste only where their bytes are).
   *
   * @throws ClipRefused {@code TOO_BIG} with more than {@link #MAX_ELEMENTS} elements
   */
  public String write(ClipContent content) throws ClipRefused {
    if (content.elements().size() > MAX_ELEMENTS) {
      throw new ClipRefused(ClipRefused.Reason.TOO_BIG, content.elements().size() + " elements");
    }
    StringBuilder out = new StringBuilder();
    out.append("{\"format\":\"").append(FORMAT).append("\",\"version\":").append(VERSION);
    out.append(",\"snapshot\":")
        .append(codec.encodeSnapshot(new BoardSnapshot(0, content.elements())));
    out.append(",\"pictures\":{");
    long total = 0;
    boolean first = true;
    for (Map.Entry<String, byte[]> picture : content.pictures().entrySet()) {
      byte[] bytes = picture.getValue();
      if (bytes.length > MAX_PICTURE_BYTES || total + bytes.length > MAX_PICTURES_BYTES) {
        continue;
      }
      total += bytes.length;
      out.append(first ? "" : ",").append('"');
      JsonStringEncoder.getInstance().quoteAsString(picture.getKey(), out);
      out.append("\":\"").append(Base64.getEncoder().encodeToString(bytes)).append('"');
      first = false;
    }
    return out.append("}}").toString();
  }

  /** The content of clipboard {@code text}; refuses anything malformed, too big or too new. */
  public ClipContent read(String text) throws ClipRefused {
    if (text == null || text.length() > MAX_CHARS) {
      throw new ClipRefused(ClipRefused.Reason.TOO_BIG, "clipboard text too long");
    }
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The content of clipboard bytes (UTF-8 JSON), as {@link #read(String)}. */
  public ClipContent read(byte[] utf8) throws ClipRefused {
    if (utf8 == null || utf8.length > MAX_CHARS) {
      throw new ClipRefused(ClipRefused.Reason.TOO_BIG, "clipboard content too long");
    }
    ClipFields parts;
    try (JsonParser p = json.createParser(utf8)) {
      parts = ClipFields.read(p, utf8);
    } catch (IOException | RuntimeException e) {
      throw new ClipRefused(ClipRefused.Reason.MALFORMED, String.valueOf(e.getMessage()));
    }
    if (!FORMAT.equals(parts.format) || parts.version == null) {
      throw new ClipRefused(ClipRefused.Reason.MALFORMED, "no drawbridge-clipboard header");
    }
    if (parts.version > VERSION || parts.version < 1) {
      throw new ClipRefused(ClipRefused.Reason.TOO_NEW, "version " + parts.version);
    }
    if (parts.snapshot == null) {
      throw new ClipRefused(ClipRefused.Reason.MALFORMED, "no snapshot");
    }
    List<Element> elements;
    try {
      elements = codec.decodeSnapshot(parts.snapshot).elements();
    } catch (ProtocolException | RuntimeException e) {
      throw new ClipRefused(ClipRefused.Reason.INVALID, String.valueOf(e.getMessage()));
    }
    check(elements, parts.pictures);
    return new ClipContent(elements, parts.pictures);
  }

  private static void check(List<Element> elements, Map<String, byte[]> pictures)
      throws ClipRefused {
    if (elements.size() > MAX_ELEMENTS) {
      throw new ClipRefused(ClipRefused.Reason.TOO_BIG, elements.size() + " elements");
    }
    Set<String> ids = new HashSet<>();
    Map<String, String> mimes = new HashMap<>();
    for (Element e : elements) {
      if (!ids.add(e.id())) {
        throw new ClipRefused(ClipRefused.Reason.INVALID, "element " + e.id() + " twice");
      }
      if (e.hasImage()) {
        mimes.put(e.image().blob(), e.image().mime());
      }
    }
    for (Map.Entry<String, byte[]> picture : pictures.entrySet()) {
      String why =
          PictureCheck.problem(picture.getKey(), picture.getValue(), mimes.get(picture.getKey()));
      if (why != null) {
        throw new ClipRefused(ClipRefused.Reason.BAD_PICTURE, why);
      }
    }
  }

  private static int base64Length(int bytes) {
    return (bytes + 2) / 3 * 4;
  }
}
