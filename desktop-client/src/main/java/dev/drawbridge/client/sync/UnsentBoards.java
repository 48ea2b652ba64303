package dev.drawbridge.client.sync;

import dev.drawbridge.protocol.ProtocolCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared boards on this computer whose offline journal still holds changes the relay never
 * acknowledged (drawn offline, or before a crash): the start screen offers to open them, which
 * sends them. Reads the board folders under {@code <dataDir>/boards/} without locking them.
 */
public final class UnsentBoards {
  private static final Logger log = LoggerFactory.getLogger(UnsentBoards.class);

  /**
   * One board with unsent work.
   *
   * @param room the room name
   * @param address the room's address ({@code ws[s]://host:port/v1/rooms/room})
   * @param changedElements elements with unsent changes (as the status bar counts them)
   */
  public record Board(String room, String address, int changedElements) {}

  private UnsentBoards() {}

  /** Boards with unsent changes, most changes first; empty when there are none or no folder. */
  public static List<Board> find(Path dataDir) {
    Path boards = dataDir.resolve("boards");
    if (!Files.isDirectory(boards)) {
      return List.of();
    }
    ProtocolCodec codec = new ProtocolCodec();
    List<Board> found = new ArrayList<>();
    try (Stream<Path> servers = Files.list(boards)) {
      for (Path server : servers.filter(Files::isDirectory).toList()) {
        try (Stream<Path> rooms = Files.list(server)) {
          for (Path room : rooms.filter(Files::isDirectory).toList()) {
            Board board = read(room, codec);
            if (board != null) {
              found.add(board);
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Could not look for unsent changes in {}", boards, e);
    }
    found.sort(Comparator.comparingInt(Board::changedElements).reversed());
    return List.copyOf(found);
  }

  private static Board read(Path room, ProtocolCodec codec) {
    Path address = room.resolve(BoardDirectory.ADDRESS);
    try {
      int changed = OfflineJournal.unsentElements(room.resolve("journal.jsonl"), codec);
      if (changed == 0 || !Files.exists(address)) {
        // A board opened before its folder kept its address cannot be offered; it sends its changes
        // the next time it is joined from the form or the recent boards.
        return null;
      }
      String uri = Files.readString(address, StandardCharsets.UTF_8).trim();
      return new Board(room.getFileName().toString(), uri, changed);
    } catch (IOException | RuntimeException e) {
      log.info("Skipping the board folder {}: {}", room, e.toString());
      return null;
    }
  }
}
