package dev.drawbridge.client.sync;

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
 */
public final class ConfirmedCache {
  private static final Logger log = LoggerFactory.getLogger(ConfirmedCache.class);
  private final Path file;
  private final ProtocolCodec codec;

  public ConfirmedCache(Path file, ProtocolCodec codec) {
    this.file = file;
    this.codec = codec;
  }

  public BoardSnapshot read() {
    if (!Files.exists(file)) {
      return new BoardSnapshot(0, List.of());
    }
    try {
      return codec.decodeSnapshot(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | ProtocolException e) {
      log.warn("Ignoring unreadable board cache {}: {}", file, e.getMessage());
      return new BoardSnapshot(0, List.of());
    }
  }

  public void write(BoardSnapshot snapshot) throws IOException {
    AtomicFiles.write(file, codec.encodeSnapshot(snapshot).getBytes(StandardCharsets.UTF_8));
  }
}
