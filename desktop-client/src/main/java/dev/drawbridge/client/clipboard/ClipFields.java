package dev.drawbridge.client.clipboard;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The top-level fields of clipboard JSON ({@link ClipFormat}), read in one streaming pass: the
 * snapshot kept as text for the protocol codec, each picture's size checked on its base64 text
 * before it is decoded. What the fields mean is checked by {@link ClipFormat}.
 */
final class ClipFields {
  private static final int MAX_PICTURES = 1_000;

  String format;
  Long version;
  String snapshot;
  Map<String, byte[]> pictures = Map.of();

  private ClipFields() {}

  /** The top-level fields, read in one pass; unknown ones are skipped (later minor additions). */
  static ClipFields read(JsonParser p, byte[] utf8) throws IOException, ClipRefused {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new ClipRefused(ClipRefused.Reason.MALFORMED, "not a JSON object");
    }
    ClipFields parts = new ClipFields();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "format" -> parts.format = value == JsonToken.VALUE_STRING ? p.getText() : null;
        case "version" ->
            parts.version = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
        case "snapshot" -> {
          if (value != JsonToken.START_OBJECT) {
            throw new ClipRefused(ClipRefused.Reason.MALFORMED, "snapshot is not an object");
          }
          int from = (int) p.currentTokenLocation().getByteOffset();
          p.skipChildren();
          int to = (int) p.currentTokenLocation().getByteOffset() + 1;
          parts.snapshot = new String(utf8, from, to - from, StandardCharsets.UTF_8);
        }
        case "pictures" -> parts.pictures = pictures(p);
        default -> p.skipChildren();
      }
    }
    if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
      throw new ClipRefused(ClipRefused.Reason.MALFORMED, "trailing content");
    }
    return parts;
  }

  private static Map<String, byte[]> pictures(JsonParser p) throws IOException, ClipRefused {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new ClipRefused(ClipRefused.Reason.MALFORMED, "pictures is not an object");
    }
    Map<String, byte[]> pictures = new LinkedHashMap<>();
    long total = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String id = p.currentName();
      if (p.nextToken() != JsonToken.VALUE_STRING) {
        throw new ClipRefused(ClipRefused.Reason.MALFORMED, "picture " + id + " is not base64");
      }
      // Sizes are checked on the base64 text, before any bytes are decoded.
      int chars = p.getTextLength();
      if (chars > ClipFormat.MAX_PICTURE_CHARS || pictures.size() >= MAX_PICTURES) {
        throw new ClipRefused(ClipRefused.Reason.TOO_BIG, "picture " + id);
      }
      total += chars / 4L * 3;
      if (total > ClipFormat.MAX_PICTURES_BYTES) {
        throw new ClipRefused(ClipRefused.Reason.TOO_BIG, "pictures over the total");
      }
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(p.getText());
      } catch (IllegalArgumentException e) {
        throw new ClipRefused(ClipRefused.Reason.BAD_PICTURE, "picture " + id + ": bad base64");
      }
      pictures.put(id, bytes);
    }
    return pictures;
  }
}
