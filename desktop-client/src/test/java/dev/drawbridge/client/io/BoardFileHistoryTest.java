package dev.drawbridge.client.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drawbridge.client.history.local.HistoryOpJson;
import dev.drawbridge.client.history.local.LocalHistory;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.op.Op;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version 3 of the {@code .drawbridge} file carries the board's history (issue 17). */
class BoardFileHistoryTest {
  @TempDir Path dir;
  private final HistoryOpJson json = new HistoryOpJson(new ProtocolCodec());

  private static HistoryOp add(long seq, String id) {
    return new HistoryOp(
        seq,
        "op-" + seq,
        "client-ana",
        1_764_000_000_000L + seq,
        new Op.AddElement(
            Element.shape(id, ElementKind.RECTANGLE, seq, 0, 5, 5, Style.DEFAULT, seq)));
  }

  /** A board and the history that built it, from {@code base}. */
  private static BoardSnapshot replay(BoardSnapshot base, List<HistoryOp> ops) {
    BoardState board = base == null ? new BoardState() : BoardState.fromSnapshot(base);
    ops.forEach(op -> board.apply(op.seq(), op.id(), op.op()));
    return board.snapshot();
  }

  private static List<HistoryOp> history(long from, int count) {
    List<HistoryOp> ops = new ArrayList<>();
    for (long seq = from; seq < from + count; seq++) {
      ops.add(add(seq, "el-" + seq));
    }
    ops.add(
        new HistoryOp(
            from + count,
            "op-move",
            "client-ben",
            null,
            new Op.UpdateElement("el-" + from, ElementPatch.move(40, 40))));
    return ops;
  }

  @Test
  void aHistoryTravelsInVersion3AndComesBackAsItWas() throws Exception {
    List<HistoryOp> ops = history(1, 5);
    BoardSnapshot board = replay(null, ops);
    Path file = dir.resolve("history.drawbridge");
    new BoardFile().save(file, board, new LocalHistory.Record(null, ops), PictureSource.NONE);
    String text = Files.readString(file);
    assertThat(text)
        .startsWith("{\"format\":\"drawbridge\",\"version\":3,")
        .contains("\"history\":[");
    assertThat(text).doesNotContain("historyBase");

    BoardFile.Opened opened = new BoardFile().open(file, bytes -> {});
    assertThat(opened.snapshot()).isEqualTo(board);
    assertThat(opened.history().base()).isNull();
    assertThat(opened.history().ops()).isEqualTo(ops);
  }

  @Test
  void aHistoryThatStartsLaterCarriesItsBase() throws Exception {
    BoardSnapshot base = replay(null, history(1, 3));
    List<HistoryOp> ops = history(5, 2);
    BoardSnapshot board = replay(base, ops);
    Path file = dir.resolve("based.drawbridge");
    new BoardFile().save(file, board, new LocalHistory.Record(base, ops), PictureSource.NONE);
    assertThat(Files.readString(file)).contains("\"historyBase\":{\"seq\":4,");

    BoardFile.Opened opened = new BoardFile().open(file, bytes -> {});
    assertThat(opened.history().base()).isEqualTo(base);
    assertThat(opened.history().ops()).isEqualTo(ops);
  }

  @Test
  void aBoardWithoutHistoryIsStillWrittenInTheLowestVersion() throws Exception {
    Path file = dir.resolve("plain.drawbridge");
    BoardSnapshot board = replay(null, history(1, 2));
    new BoardFile().save(file, board, new LocalHistory.Record(null, List.of()), PictureSource.NONE);
    assertThat(Files.readString(file)).startsWith("{\"format\":\"drawbridge\",\"version\":1,");
    assertThat(new BoardFile().open(file, bytes -> {}).history()).isNull();
  }

  @Test
  void committedVersion1And2FilesOpenWithoutHistory() throws Exception {
    for (String name : List.of("board-v1.drawbridge", "board-v2.drawbridge")) {
      Path file = dir.resolve(name);
      try (var in = getClass().getResourceAsStream(name)) {
        Files.copy(in, file);
      }
      List<byte[]> pictures = new ArrayList<>();
      BoardFile.Opened opened = new BoardFile().open(file, pictures::add);
      assertThat(opened.history()).as(name).isNull();
      assertThat(opened.snapshot().elements()).as(name).isNotEmpty();
      assertThat(pictures).as(name).hasSize(name.contains("v2") ? 1 : 0);
    }
  }

  @Test
  void aHistoryThatDoesNotLeadToTheBoardIsLeftOutAndTheBoardOpens() throws Exception {
    List<HistoryOp> ops = history(1, 3);
    BoardSnapshot other = replay(null, history(1, 3).subList(0, 2));
    BoardSnapshot board = new BoardSnapshot(4, other.elements()); // same seq, another board
    Path file = write("{\"format\":\"drawbridge\",\"version\":3,\"snapshot\":", board, ops);
    BoardFile.Opened opened = new BoardFile().open(file, bytes -> {});
    assertThat(opened.snapshot()).isEqualTo(board);
    assertThat(opened.history()).isNull();
  }

  @Test
  void hostileHistoriesAreRefusedAsNoBoard() throws Exception {
    List<HistoryOp> ops = history(1, 4);
    BoardSnapshot board = replay(null, ops);
    String head = "{\"format\":\"drawbridge\",\"version\":3,\"snapshot\":";
    List<HistoryOp> gap = new ArrayList<>(ops);
    gap.remove(2);
    List<HistoryOp> repeated = new ArrayList<>(ops);
    repeated.add(2, ops.get(1));
    List<HistoryOp> shortOfTheBoard = ops.subList(0, 3);
    for (List<HistoryOp> bad : List.of(gap, repeated, shortOfTheBoard)) {
      Path file = write(head, board, bad);
      assertRefused(file);
    }
    // One op far over a frame's size: a text of 400,000 characters in an unknown field.
    String huge =
        "{\"seq\":1,\"id\":\"op-1\",\"clientId\":\"a\",\"op\":{\"type\":\"delete\",\"elementId\":\"x\"},\"pad\":\""
            + "a".repeat(400_000)
            + "\"}";
    Path hugeOp = dir.resolve("huge.drawbridge");
    Files.writeString(
        hugeOp,
        head
            + new ProtocolCodec().encodeSnapshot(new BoardSnapshot(1, List.of()))
            + ",\"history\":["
            + huge
            + "]}");
    assertRefused(hugeOp);
  }

  @Test
  void aFileClaimingMillionsOfOpsIsRefusedWithoutRunningOutOfMemory() throws Exception {
    // More ops than any history the app writes (it keeps 200,000), each as small as an op gets; the
    // reader stops at its bound long before the file ends.
    Path file = dir.resolve("millions.drawbridge");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(
          "{\"format\":\"drawbridge\",\"version\":3,\"snapshot\":{\"seq\":10000000,\"elements\":[]},\"history\":[");
      for (int seq = 1; seq <= BoardFileHistory.MAX_OPS + 10; seq++) {
        if (seq > 1) {
          out.write(',');
        }
        out.write(
            "{\"seq\":"
                + seq
                + ",\"id\":\"o"
                + seq
                + "\",\"clientId\":\"a\",\"op\":{\"type\":\"delete\",\"elementId\":\"x\"}}");
      }
      out.write("]}");
    }
    assertThatThrownBy(() -> new BoardFile().open(file, bytes -> {}))
        .isInstanceOfSatisfying(
            BoardFileException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(BoardFileException.Reason.NOT_A_BOARD);
              assertThat(e.getMessage()).contains("more than 500000 ops");
            });
  }

  @Test
  void aVersion2FileWithAHistoryFieldIgnoresIt() throws Exception {
    List<HistoryOp> ops = history(1, 2);
    BoardSnapshot board = replay(null, ops);
    Path file = write("{\"format\":\"drawbridge\",\"version\":2,\"snapshot\":", board, ops);
    assertThat(new BoardFile().open(file, bytes -> {}).history()).isNull();
  }

  private Path write(String head, BoardSnapshot board, List<HistoryOp> ops) throws Exception {
    StringBuilder text = new StringBuilder(head);
    text.append(new ProtocolCodec().encodeSnapshot(board)).append(",\"history\":[");
    for (int i = 0; i < ops.size(); i++) {
      text.append(i == 0 ? "" : ",").append(json.encode(ops.get(i)));
    }
    text.append("]}");
    Path file = Files.createTempFile(dir, "board", ".drawbridge");
    Files.writeString(file, text);
    return file;
  }

  private static void assertRefused(Path file) {
    assertThatThrownBy(() -> new BoardFile().open(file, bytes -> {}))
        .isInstanceOfSatisfying(
            BoardFileException.class,
            e -> assertThat(e.reason()).isEqualTo(BoardFileException.Reason.NOT_A_BOARD));
  }
}
