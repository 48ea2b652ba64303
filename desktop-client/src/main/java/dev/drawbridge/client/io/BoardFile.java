package dev.drawbridge.client.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.drawbridge.client.history.local.HistoryOpJson;
import dev.drawbridge.client.history.local.LocalHistory;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.message.HistoryOp;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@code .drawbridge} file: {@code {"format":"drawbridge","version":1,"snapshot":{...}}} where
 * the snapshot is exactly the protocol's board snapshot, so a file and a relay snapshot never drift
 * apart. A board with pictures (R107) is written as version 2, which adds {@code "blobs":{"<blob
 * id>":"<base64>",...}} after the snapshot, so the file stands alone; a board without pictures
 * stays version 1, which every earlier app opens. A board with a history (issue 17) is version 3:
 * {@code "historyBase"} (a snapshot, only when the history does not start at an empty board) and
 * {@code "history":[{"seq","id","clientId","t","op"},…]} (stored ops as a relay's history page has
 * them, R117) follow the snapshot; a file is written in the lowest version that holds it. Writes
 * stream to a temporary file first, so a crash never leaves half a board and a board of many
 * pictures never sits in memory as one string. Reading is {@link BoardFileReader}'s.
 */
public final class BoardFile {
  public static final String EXTENSION = ".drawbridge";
  public static final String FORMAT = "drawbridge";

  /**
   * The newest version this app reads; it writes 1 without pictures or history, 2 with pictures, 3
   * with a history.
   */
  public static final int VERSION = 3;

  /**
   * A board read from a file, how many of its pictures were damaged and left out, and its history
   * (null when the file has none, or one that does not lead to its board).
   */
  public record Opened(BoardSnapshot snapshot, int skippedPictures, LocalHistory.Record history) {
    public Opened(BoardSnapshot snapshot, int skippedPictures) {
      this(snapshot, skippedPictures, null);
    }
  }

  private final ProtocolCodec codec = new ProtocolCodec();
  private final JsonFactory json = new JsonFactory();

  public void save(Path file, BoardSnapshot snapshot) throws BoardFileException {
    save(file, snapshot, PictureSource.NONE);
  }

  /**
   * Writes {@code snapshot} with the bytes {@code pictures} has of its pictures (deleted ones too,
   * so restoring one in a later session shows it); pictures it lacks are left out.
   */
  public void save(Path file, BoardSnapshot snapshot, PictureSource pictures)
      throws BoardFileException {
    save(file, snapshot, null, pictures);
  }

  /**
   * Writes {@code snapshot} with its {@code history} (null or without ops: none; it must end at the
   * snapshot's seq) and its pictures.
   */
  public void save(
      Path file, BoardSnapshot snapshot, LocalHistory.Record history, PictureSource pictures)
      throws BoardFileException {
    if (history != null && (history.ops().isEmpty() || history.headSeq() != snapshot.seq())) {
      history = null;
    }
    Set<String> blobs = new LinkedHashSet<>();
    for (Element e : snapshot.elements()) {
      if (e.hasImage()) {
        blobs.add(e.image().blob());
      }
    }
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".drawbridge-", ".tmp");
      try {
        try (OutputStream out = Files.newOutputStream(tmp);
            JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
          write(g, snapshot, history, blobs, pictures);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new BoardFileException(BoardFileException.Reason.IO, e.getMessage(), e);
    }
  }

  private void write(
      JsonGenerator g,
      BoardSnapshot snapshot,
      LocalHistory.Record history,
      Set<String> blobs,
      PictureSource pictures)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("format", FORMAT);
    g.writeNumberField("version", history != null ? 3 : blobs.isEmpty() ? 1 : 2);
    g.writeFieldName("snapshot");
    g.writeRawValue(codec.encodeSnapshot(snapshot));
    if (history != null) {
      if (history.base() != null) {
        g.writeFieldName("historyBase");
        g.writeRawValue(codec.encodeSnapshot(history.base()));
      }
      HistoryOpJson ops = new HistoryOpJson(codec);
      g.writeArrayFieldStart("history");
      for (HistoryOp op : history.ops()) {
        ops.write(g, op);
      }
      g.writeEndArray();
    }
    if (!blobs.isEmpty()) {
      g.writeObjectFieldStart("blobs");
      for (String id : blobs) {
        Optional<byte[]> bytes = pictures.bytes(id);
        if (bytes.isPresent() && bytes.get().length <= BoardFileReader.MAX_PICTURE_BYTES) {
          g.writeFieldName(id);
          g.writeBinary(bytes.get());
        }
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** The board in {@code file}, without its pictures' bytes. */
  public BoardSnapshot open(Path file) throws BoardFileException {
    return open(file, bytes -> {}).snapshot();
  }

  /**
   * The board in {@code file}; each of its pictures whose bytes are the blob they are named by and
   * a picture a board may hold is handed to {@code pictures} (after the snapshot was found good),
   * the others are skipped and counted.
   */
  public Opened open(Path file, Consumer<byte[]> pictures) throws BoardFileException {
    return new BoardFileReader(codec).read(file, pictures);
  }
}
