package dev.drawbridge.client.sync;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.board.BoardSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The confirmed board on disk (snapshot JSON), so a restart shows the board at once and catches up
 * from its seq instead of downloading everything. Written atomically; an unreadable file counts as
 * no cache (the relay sends the board again).
 *
 * <p>The file is the snapshot's JSON with one more field in front, {@code lastOpId}: the id of the
 * op at the snapshot's seq, which the next hello names (R12). It comes first so reading it is a
 * peek, not a second parse of a large board; a file without it (written by an older version) loads
 * with the id unknown.
 */
public final class ConfirmedCache {
  private static final Logger log = LoggerFactory.getLogger(ConfirmedCache.class);
  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String OP_ID_FIELD = "lastOpId";

  /** The cached board and the id of the op at its seq (null when unknown). */
  public record Cached(BoardSnapshot snapshot, String lastOpId) {}

  private final Path file;
  private final ProtocolCodec codec;

  public ConfirmedCache(Path file, ProtocolCodec codec) {
    this.file = file;
    this.codec = codec;
  }

  public Cached read() {
    if (!Files.exists(file)) {
      return new Cached(new BoardSnapshot(0, List.of()), null);
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      BoardSnapshot snapshot = codec.decodeSnapshot(text);
      return new Cached(snapshot, snapshot.seq() > 0 ? leadingOpId(text) : null);
    } catch (IOException | ProtocolException e) {
      log.warn("Ignoring unreadable board cache {}: {}", file, e.getMessage());
      return new Cached(new BoardSnapshot(0, List.of()), null);
    }
  }

  /** The {@code lastOpId} field when it is the object's first, else null. */
  private static String leadingOpId(String text) throws IOException {
    try (JsonParser parser = JSON.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT
          || parser.nextToken() != JsonToken.FIELD_NAME
          || !OP_ID_FIELD.equals(parser.currentName())) {
        return null;
      }
      return parser.nextToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
    }
  }

  /** Writes the board and the id of the op at its seq ({@code lastOpId} may be null). */
  public void write(BoardSnapshot snapshot, String lastOpId) throws IOException {
    String json = codec.encodeSnapshot(snapshot);
    if (lastOpId != null && json.startsWith("{")) {
      String field =
          MAPPER.writeValueAsString(OP_ID_FIELD) + ":" + MAPPER.writeValueAsString(lastOpId);
      json = "{" + field + (json.equals("{}") ? "" : ",") + json.substring(1);
    }
    AtomicFiles.write(file, json.getBytes(StandardCharsets.UTF_8));
  }
}
