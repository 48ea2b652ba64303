package dev.drawbridge.client.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.board.BoardSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * Reads a {@code .drawbridge} file of version 1, 2 or 3 ({@link BoardFile}) in one streaming pass,
 * bounded so a hostile file is refused without exhausting memory: the file's size, the snapshot's
 * size (copied as text for the protocol codec, never held as a JSON tree), each picture's base64
 * length (checked by the parser before the string is built). Pictures must follow the snapshot, so
 * none is handed on before the board itself was found good; each is checked against its blob id and
 * its header (R108, R115) and skipped when it fails. A history (version 3) is read and bounded by
 * {@link BoardFileHistory}.
 */
final class BoardFileReader {
  /** Files bigger than this are not boards a person drew. */
  static final long MAX_BYTES = 1024L * 1024 * 1024;

  /** The snapshot's largest size: the relay's largest frame, as version 1 allowed for the file. */
  static final int MAX_SNAPSHOT_CHARS = 64 * 1024 * 1024;

  /** One picture's largest size in a file. */
  static final int MAX_PICTURE_BYTES = 32 * 1024 * 1024;

  private final ProtocolCodec codec;
  private final JsonFactory json =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(16)
                  .maxStringLength((MAX_PICTURE_BYTES + 2) / 3 * 4 + 16)
                  .maxNumberLength(64)
                  .maxDocumentLength(MAX_BYTES)
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private String format;
  private Long version;
  private String snapshotText;
  private BoardSnapshot snapshot;
  private int skipped;
  private final BoardFileHistory history;

  BoardFileReader(ProtocolCodec codec) {
    this.codec = codec;
    this.history = new BoardFileHistory(json, codec);
  }

  BoardFile.Opened read(Path file, Consumer<byte[]> pictures) throws BoardFileException {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw notABoard("too big", null);
      }
    } catch (IOException e) {
      throw new BoardFileException(BoardFileException.Reason.IO, e.getMessage(), e);
    }
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = json.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw notABoard("not a JSON object", null);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        field(p, p.currentName(), p.nextToken(), pictures);
      }
      if (p.currentToken() != JsonToken.END_OBJECT) {
        throw unreadable("truncated", null);
      }
    } catch (java.nio.file.NoSuchFileException | java.nio.file.AccessDeniedException e) {
      throw new BoardFileException(BoardFileException.Reason.IO, e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      // Malformed or truncated JSON, a string or document over the bounds.
      throw unreadable(String.valueOf(e.getMessage()), e);
    }
    BoardSnapshot board = board();
    return new BoardFile.Opened(board, skipped, history.result(board));
  }

  private void field(JsonParser p, String name, JsonToken value, Consumer<byte[]> pictures)
      throws IOException, BoardFileException {
    switch (name) {
      case "format" -> format = value == JsonToken.VALUE_STRING ? p.getText() : null;
      case "version" -> version = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
      case "snapshot" -> {
        if (value != JsonToken.START_OBJECT) {
          throw notABoard("no snapshot", null);
        }
        snapshotText = copy(p);
      }
      case "historyBase", "history" -> {
        board(); // the header and snapshot first, as for pictures
        if (version < 3) {
          p.skipChildren(); // not part of versions 1 and 2
        } else if (name.equals("history")) {
          history.ops(p, value);
        } else {
          history.base(p, value);
        }
      }
      case "blobs" -> {
        board(); // the header and snapshot first: nothing is kept from a file that is no board
        blobs(p, value, pictures);
      }
      default -> p.skipChildren();
    }
  }

  /** The snapshot, once the header says this app may read the file. */
  private BoardSnapshot board() throws BoardFileException {
    if (!BoardFile.FORMAT.equals(format) || version == null) {
      throw notABoard("no drawbridge header", null);
    }
    if (version > BoardFile.VERSION) {
      throw new BoardFileException(BoardFileException.Reason.TOO_NEW, "version " + version, null);
    }
    if (version < 1 || snapshotText == null) {
      throw notABoard("no snapshot", null);
    }
    if (snapshot == null) {
      snapshot = decode(snapshotText);
      snapshotText = "";
    }
    return snapshot;
  }

  private void blobs(JsonParser p, JsonToken value, Consumer<byte[]> pictures)
      throws IOException, BoardFileException {
    if (value != JsonToken.START_OBJECT) {
      throw notABoard("blobs is not an object", null);
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String id = p.currentName();
      if (p.nextToken() != JsonToken.VALUE_STRING) {
        throw notABoard("blob " + id + " is not base64", null);
      }
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(p.getText());
      } catch (IllegalArgumentException e) {
        skipped++;
        continue;
      }
      if (bytes.length > MAX_PICTURE_BYTES || PictureCheck.problem(id, bytes, null) != null) {
        skipped++;
        continue;
      }
      pictures.accept(bytes);
    }
  }

  /** The snapshot object as compact JSON text, refused past {@link #MAX_SNAPSHOT_CHARS}. */
  private String copy(JsonParser p) throws IOException, BoardFileException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = json.createGenerator(new BoundedWriter(out, MAX_SNAPSHOT_CHARS))) {
      g.copyCurrentStructure(p);
    } catch (BoundedWriter.Full e) {
      throw notABoard("snapshot too big", e);
    }
    return out.toString();
  }

  private BoardSnapshot decode(String text) throws BoardFileException {
    try {
      return codec.decodeSnapshot(text);
    } catch (ProtocolException | RuntimeException e) {
      throw notABoard("bad snapshot", e);
    }
  }

  /** Damaged when the file began as a board (its header was read), else not a board at all. */
  private BoardFileException unreadable(String why, Throwable cause) {
    return BoardFile.FORMAT.equals(format)
        ? new BoardFileException(BoardFileException.Reason.DAMAGED, why, cause)
        : notABoard(why, cause);
  }

  private static BoardFileException notABoard(String why, Throwable cause) {
    return new BoardFileException(BoardFileException.Reason.NOT_A_BOARD, why, cause);
  }
}
