package dev.drawbridge.client.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.board.BoardSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The {@code .drawbridge} file: {@code {"format":"drawbridge","version":1,"snapshot":{...}}} where
 * the snapshot is exactly the protocol's board snapshot, so a file and a relay snapshot never drift
 * apart. Writes go to a temporary file first so a crash never leaves half a board.
 */
public final class BoardFile {
  public static final String EXTENSION = ".drawbridge";
  public static final String FORMAT = "drawbridge";
  public static final int VERSION = 1;

  /** Files bigger than this are not boards a person drew (64 MiB, the relay's frame limit). */
  private static final long MAX_BYTES = 64L * 1024 * 1024;

  private final ObjectMapper json = new ObjectMapper();
  private final ProtocolCodec codec = new ProtocolCodec();

  public void save(Path file, BoardSnapshot snapshot) throws BoardFileException {
    try {
      ObjectNode root = json.createObjectNode();
      root.put("format", FORMAT);
      root.put("version", VERSION);
      root.set("snapshot", json.readTree(codec.encodeSnapshot(snapshot)));
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".drawbridge-", ".tmp");
      try {
        Files.writeString(tmp, json.writeValueAsString(root), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new BoardFileException(BoardFileException.Reason.IO, e.getMessage(), e);
    }
  }

  public BoardSnapshot open(Path file) throws BoardFileException {
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new BoardFileException(BoardFileException.Reason.NOT_A_BOARD, "too big", null);
      }
      byte[] bytes = Files.readAllBytes(file);
      text = new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BoardFileException(BoardFileException.Reason.IO, e.getMessage(), e);
    }
    JsonNode root;
    try {
      root = json.readTree(text);
    } catch (JsonProcessingException e) {
      throw notABoard("not JSON", e);
    }
    if (root == null
        || !root.isObject()
        || !FORMAT.equals(root.path("format").asText(null))
        || !root.path("version").isInt()) {
      throw notABoard("no drawbridge header", null);
    }
    if (root.get("version").asInt() > VERSION) {
      throw new BoardFileException(
          BoardFileException.Reason.TOO_NEW, "version " + root.get("version").asInt(), null);
    }
    JsonNode snapshot = root.get("snapshot");
    if (snapshot == null || !snapshot.isObject()) {
      throw notABoard("no snapshot", null);
    }
    try {
      return codec.decodeSnapshot(snapshot.toString());
    } catch (ProtocolException | RuntimeException e) {
      throw notABoard("bad snapshot", e);
    }
  }

  private static BoardFileException notABoard(String why, Throwable cause) {
    return new BoardFileException(BoardFileException.Reason.NOT_A_BOARD, why, cause);
  }
}
