package dev.drawbridge.client.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.drawbridge.client.history.local.HistoryOpJson;
import dev.drawbridge.client.history.local.LocalHistory;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.message.HistoryOp;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a version 3 file's {@code historyBase} and {@code history} (see {@link BoardFile}), bounded
 * like the rest of the reader: at most {@link #MAX_OPS} ops, each at most {@link #MAX_OP_CHARS} of
 * JSON (a relay frame's limit, R9, with room to spare), all together at most {@link #MAX_CHARS}, so
 * a hostile file is refused before it fills memory. A history with a gap, a repeated seq or one
 * that does not end at the board's seq is refused: the file was not written by Drawbridge. One that
 * is well formed but does not replay into the file's board is left out, and the board opens without
 * it: the board is what the user drew, the history only explains it.
 */
final class BoardFileHistory {
  private static final Logger log = LoggerFactory.getLogger(BoardFileHistory.class);

  /** The most ops a file's history may hold (a local board keeps 200,000, LocalHistory). */
  static final int MAX_OPS = 500_000;

  /** One stored op's largest JSON. */
  static final int MAX_OP_CHARS = 320 * 1024;

  /** The whole history's largest JSON. */
  static final long MAX_CHARS = 256L * 1024 * 1024;

  private final JsonFactory json;
  private final ProtocolCodec codec;
  private final HistoryOpJson ops;
  private String baseText;
  private List<HistoryOp> history;
  private long chars;

  BoardFileHistory(JsonFactory json, ProtocolCodec codec) {
    this.json = json;
    this.codec = codec;
    this.ops = new HistoryOpJson(codec);
  }

  /** Reads {@code historyBase}: a snapshot object, kept as text until the end. */
  void base(JsonParser p, JsonToken value) throws IOException, BoardFileException {
    if (value != JsonToken.START_OBJECT || history != null) {
      throw notABoard("historyBase must be a snapshot before the history");
    }
    baseText = copy(p, BoardFileReader.MAX_SNAPSHOT_CHARS, "historyBase too big");
  }

  /** Reads the {@code history} array, checking each op's seq as it comes. */
  void ops(JsonParser p, JsonToken value) throws IOException, BoardFileException {
    if (value != JsonToken.START_ARRAY || history != null) {
      throw notABoard("history is not one array");
    }
    long expected = base().seq() + 1;
    history = new ArrayList<>();
    while (p.nextToken() == JsonToken.START_OBJECT) {
      if (history.size() >= MAX_OPS) {
        throw notABoard("history holds more than " + MAX_OPS + " ops");
      }
      String text = copy(p, MAX_OP_CHARS, "an op of the history is too big");
      chars += text.length();
      if (chars > MAX_CHARS) {
        throw notABoard("history too big");
      }
      HistoryOp op;
      try {
        op = ops.decode(text);
      } catch (IllegalArgumentException e) {
        throw new BoardFileException(
            BoardFileException.Reason.NOT_A_BOARD, "bad op in history: " + e.getMessage(), e);
      }
      if (op.seq() != expected) {
        throw notABoard(
            (op.seq() < expected ? "repeated seq " : "gap in history at seq ") + op.seq());
      }
      history.add(op);
      expected++;
    }
    if (p.currentToken() != JsonToken.END_ARRAY) {
      throw notABoard("history holds something other than ops");
    }
  }

  /**
   * The history of {@code board}, or null when the file has none or one that does not replay into
   * the board.
   */
  LocalHistory.Record result(BoardSnapshot board) throws BoardFileException {
    if (history == null || history.isEmpty()) {
      return null;
    }
    BoardSnapshot base = base();
    if (history.getLast().seq() != board.seq()) {
      throw notABoard(
          "history ends at seq " + history.getLast().seq() + ", the board at " + board.seq());
    }
    BoardState replayed = BoardState.fromSnapshot(base);
    history.forEach(op -> replayed.applyOp(op.op()));
    if (!replayed.hash().equals(BoardState.fromSnapshot(board).hash())) {
      log.warn("The file's history does not lead to its board; opening the board without it");
      return null;
    }
    return new LocalHistory.Record(
        base.seq() == 0 && base.elements().isEmpty() ? null : base, history);
  }

  private BoardSnapshot base() throws BoardFileException {
    if (baseText == null) {
      return new BoardSnapshot(0, List.of());
    }
    try {
      BoardSnapshot base = codec.decodeSnapshot(baseText);
      baseText = codec.encodeSnapshot(base); // decoded once more at most; small next to ops
      return base;
    } catch (Exception e) {
      throw new BoardFileException(BoardFileException.Reason.NOT_A_BOARD, "bad historyBase", e);
    }
  }

  private String copy(JsonParser p, int max, String tooBig) throws IOException, BoardFileException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = json.createGenerator(new BoundedWriter(out, max))) {
      g.copyCurrentStructure(p);
    } catch (BoundedWriter.Full e) {
      throw notABoard(tooBig);
    }
    return out.toString();
  }

  private static BoardFileException notABoard(String why) {
    return new BoardFileException(BoardFileException.Reason.NOT_A_BOARD, why, null);
  }
}
