package dev.drawbridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.fixtures.Samples;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wire format is frozen in {@code src/test/resources/golden/<Interface>-<type>.json}: the codec
 * must write exactly those bytes for each sample and read them back into the sample, so an
 * accidental wire change fails the build (docs/protocol.md R70). docs/protocol.md shows the same
 * lines, and this test checks that it does.
 *
 * <p>After an intended change, regenerate with {@code ./mvnw -pl shared-protocol test
 * -Dtest=GoldenJsonTest -Dgolden.update=true} and review the diff.
 */
class GoldenJsonTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Path SPEC = Path.of("../docs/protocol.md");
  private static final String SNAPSHOT_FILE = "BoardSnapshot.json";
  // A sticky note is an add of a text element with a box (R95), frozen in a file of its own.
  private static final String NOTE_FILE = "Op-add-note.json";

  // One codec for every case, as in production: building one costs more than a test case.
  private static final ProtocolCodec codec = new ProtocolCodec();

  static List<Class<?>> permitted() {
    return SealedTypes.allPermitted();
  }

  private String encode(Object sample) {
    return switch (sample) {
      case ClientMessage m -> codec.encode(m);
      case ServerMessage m -> codec.encode(m);
      case Op op -> codec.encodeOp(op);
      default -> throw new AssertionError("not a wire type: " + sample);
    };
  }

  private static String golden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual + "\n", StandardCharsets.UTF_8);
    }
    assertThat(file)
        .as("golden file %s (run with -Dgolden.update=true to create it)", file)
        .exists();
    return Files.readString(file, StandardCharsets.UTF_8).strip();
  }

  @ParameterizedTest
  @MethodSource("permitted")
  void encodesExactlyAsTheGoldenFile(Class<?> type) throws IOException {
    String actual = encode(Samples.of(type));
    assertThat(actual).isEqualTo(golden(SealedTypes.goldenName(type), actual));
  }

  @ParameterizedTest
  @MethodSource("permitted")
  void decodesTheGoldenFileIntoTheSample(Class<?> type) throws Exception {
    Object sample = Samples.of(type);
    String json = golden(SealedTypes.goldenName(type), encode(sample));
    Object decoded =
        switch (sample) {
          case ClientMessage m -> codec.decodeClient(json);
          case ServerMessage m -> codec.decodeServer(json);
          case Op op -> codec.decodeOp(json);
          default -> throw new AssertionError(type);
        };
    assertThat(decoded).isEqualTo(sample);
  }

  @Test
  void snapshotMatchesItsGoldenFile() throws Exception {
    String actual = codec.encodeSnapshot(Samples.SNAPSHOT);
    String json = golden(SNAPSHOT_FILE, actual);
    assertThat(actual).isEqualTo(json);
    assertThat(codec.decodeSnapshot(json)).isEqualTo(Samples.SNAPSHOT);
  }

  static List<String> extras() {
    return Samples.EXTRA.keySet().stream().sorted().toList();
  }

  @ParameterizedTest
  @MethodSource("extras")
  void extraSamplesMatchTheirGoldenFilesBothWays(String name) throws Exception {
    Object sample = Samples.EXTRA.get(name);
    String actual = encode(sample);
    String json = golden(name, actual);
    assertThat(actual).isEqualTo(json);
    Object decoded =
        switch (sample) {
          case ClientMessage m -> codec.decodeClient(json);
          case ServerMessage m -> codec.decodeServer(json);
          case Op op -> codec.decodeOp(json);
          default -> throw new AssertionError(name);
        };
    assertThat(decoded).isEqualTo(sample);
    assertThat(Files.readString(SPEC, StandardCharsets.UTF_8))
        .as("docs/protocol.md shows %s", name)
        .contains(actual);
  }

  @Test
  void noteMatchesItsGoldenFileAndTheSpec() throws Exception {
    Op note = new Op.AddElement(Samples.NOTE);
    String actual = codec.encodeOp(note);
    String json = golden(NOTE_FILE, actual);
    assertThat(actual).isEqualTo(json);
    Op decoded = codec.decodeOp(json);
    assertThat(decoded).isEqualTo(note);
    assertThat(((Op.AddElement) decoded).element().isNote()).isTrue();
    assertThat(Files.readString(SPEC, StandardCharsets.UTF_8)).contains(actual);
  }

  @Test
  void everyGoldenFileBelongsToAType() throws IOException {
    List<String> expected = new ArrayList<>();
    permitted().forEach(t -> expected.add(SealedTypes.goldenName(t)));
    expected.add(SNAPSHOT_FILE);
    expected.add(NOTE_FILE);
    expected.addAll(extras());
    expected.addAll(Samples.CONNECTOR_OPS.keySet());
    try (var files = Files.list(GOLDEN)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  /** The connector fields (R100–R104) have golden files of their own beside the one per type. */
  @Test
  void connectorOpsMatchTheirGoldenFilesAndTheSpec() throws Exception {
    String spec = Files.readString(SPEC, StandardCharsets.UTF_8);
    for (var entry : Samples.CONNECTOR_OPS.entrySet()) {
      String actual = codec.encodeOp(entry.getValue());
      String json = golden(entry.getKey(), actual);
      assertThat(actual).as(entry.getKey()).isEqualTo(json);
      assertThat(codec.decodeOp(json)).isEqualTo(entry.getValue());
    }
    for (var entry : Samples.CONNECTOR_OPS.entrySet()) {
      assertThat(spec)
          .as("docs/protocol.md shows %s", entry.getKey())
          .contains(codec.encodeOp(entry.getValue()));
    }
  }

  @Test
  void theSpecShowsEveryGoldenExampleVerbatim() throws IOException {
    String spec = Files.readString(SPEC, StandardCharsets.UTF_8);
    for (Class<?> type : permitted()) {
      assertThat(spec)
          .as("docs/protocol.md shows %s", SealedTypes.goldenName(type))
          .contains(encode(Samples.of(type)));
    }
  }
}
