package dev.drawbridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.fixtures.RandomProtocol;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded properties of the codec (docs/decisions/0001-no-jqwik.md): every valid message survives a
 * round trip, and no input at all — random bytes, or valid frames with damage — makes a decoder
 * throw anything but {@link ProtocolException} (docs/protocol.md R7, R8, R9).
 */
class CodecPropertyTest {
  private static final int CASES_PER_SEED = 20;
  private static final int DAMAGED_FRAMES_PER_SEED = 10;
  private static final int MUTATIONS_PER_MESSAGE_TYPE = 3;

  // One codec for every case, as in production: building one costs more than a test case.
  private static final ProtocolCodec codec = new ProtocolCodec();

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void validMessagesRoundTrip(long seed) throws ProtocolException {
    RandomProtocol gen = new RandomProtocol(seed);
    for (int i = 0; i < CASES_PER_SEED; i++) {
      ClientMessage client = gen.clientMessage();
      assertThat(codec.decodeClient(codec.encode(client))).as("seed %d", seed).isEqualTo(client);
      assertThat(codec.decodeClient(codec.encode(client).getBytes(StandardCharsets.UTF_8)))
          .as("seed %d, UTF-8 bytes", seed)
          .satisfies(m -> assertThat(m.getClass()).isEqualTo(client.getClass()));
      ServerMessage server = gen.serverMessage();
      assertThat(codec.decodeServer(codec.encode(server))).as("seed %d", seed).isEqualTo(server);
      Op op = gen.op();
      assertThat(codec.decodeOp(codec.encodeOp(op))).as("seed %d", seed).isEqualTo(op);
    }
    BoardSnapshot snapshot = gen.snapshot();
    assertThat(codec.decodeSnapshot(codec.encodeSnapshot(snapshot))).isEqualTo(snapshot);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomInputOnlyEverYieldsProtocolException(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < CASES_PER_SEED; i++) {
      byte[] bytes = new byte[random.nextInt(200)];
      random.nextBytes(bytes);
      if (random.nextBoolean() && bytes.length > 0) {
        bytes[0] = '{';
      }
      decodeEverywhere(seed, new String(bytes, StandardCharsets.ISO_8859_1));
      decodeEverywhere(seed, new String(bytes, StandardCharsets.UTF_8));
      expectOnlyProtocolException(seed, "bytes", () -> codec.decodeClient(bytes));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void damagedFramesOnlyEverYieldProtocolException(long seed) {
    RandomProtocol gen = new RandomProtocol(seed);
    FrameDamage damage = new FrameDamage(gen.random());
    for (int i = 0; i < DAMAGED_FRAMES_PER_SEED; i++) {
      String valid =
          switch (i % 4) {
            case 0 -> codec.encode(gen.clientMessage());
            case 1 -> codec.encode(gen.serverMessage());
            case 2 -> codec.encodeOp(gen.op());
            default -> codec.encodeSnapshot(gen.snapshot());
          };
      String damaged = damage.apply(valid);
      assertThat(damaged.length()).isLessThanOrEqualTo(FrameDamage.MAX_CHARS);
      decodeEverywhere(seed, damaged);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void adversarialFramesDecodeOrAreRefusedAsDocumented(long seed) {
    RandomProtocol gen = new RandomProtocol(seed);
    AdversarialFrames frames = new AdversarialFrames(gen.random());
    for (ClientMessage valid : oneOfEachClientMessageType(gen)) {
      for (int i = 0; i < MUTATIONS_PER_MESSAGE_TYPE; i++) {
        AdversarialFrames.Frame frame = frames.mutate(valid, codec.encode(valid));
        String what = "seed " + seed + ", " + frame.mutation() + ": " + abbreviated(frame.json());
        try {
          ClientMessage decoded = codec.decodeClient(frame.json());
          assertThat(frame.mayDecode()).as("%s decoded to %s", what, decoded).isTrue();
          if (frame.same() != null) {
            assertThat(decoded).as(what).isEqualTo(frame.same());
          }
          assertThat(codec.decodeClient(codec.encode(decoded))).as(what).isEqualTo(decoded);
        } catch (ProtocolException e) {
          assertThat(e.reason()).as("%s (%s)", what, e.getMessage()).isIn(frame.refusals());
          assertThat(e.reason().closeCode())
              .isEqualTo(
                  e.reason() == ProtocolException.Reason.TOO_BIG
                      ? CloseCodes.TOO_BIG
                      : CloseCodes.MALFORMED);
        } catch (Throwable t) {
          fail(what + ": " + t + " escaped the decoder", t);
        }
      }
    }
  }

  /** {@code frame} with each long run of one character shown as {@code c×count}. */
  private static String abbreviated(String frame) {
    return java.util.regex.Pattern.compile("(.)\\1{19,}")
        .matcher(frame)
        .replaceAll(
            m -> java.util.regex.Matcher.quoteReplacement(m.group(1) + "×" + m.group().length()));
  }

  /** hello, op with each op type, presence, ping. */
  private static java.util.List<ClientMessage> oneOfEachClientMessageType(RandomProtocol gen) {
    java.util.List<ClientMessage> messages = new java.util.ArrayList<>();
    java.util.Set<Class<?>> seen = new java.util.HashSet<>();
    while (messages.size() < 7) {
      ClientMessage m = gen.clientMessage();
      Class<?> kind = m instanceof ClientMessage.SubmitOp op ? op.op().getClass() : m.getClass();
      if (seen.add(kind)) {
        messages.add(m);
      }
    }
    return messages;
  }

  /** Feeds {@code frame} to every decoder; a frame that decodes must also round-trip. */
  private void decodeEverywhere(long seed, String frame) {
    expectOnlyProtocolException(
        seed,
        frame,
        () -> {
          ClientMessage m = codec.decodeClient(frame);
          assertThat(codec.decodeClient(codec.encode(m))).isEqualTo(m);
        });
    expectOnlyProtocolException(
        seed,
        frame,
        () -> {
          ServerMessage m = codec.decodeServer(frame);
          assertThat(codec.decodeServer(codec.encode(m))).isEqualTo(m);
        });
    expectOnlyProtocolException(
        seed,
        frame,
        () -> {
          Op op = codec.decodeOp(frame);
          assertThat(codec.decodeOp(codec.encodeOp(op))).isEqualTo(op);
        });
    expectOnlyProtocolException(
        seed,
        frame,
        () -> {
          BoardSnapshot s = codec.decodeSnapshot(frame);
          assertThat(codec.decodeSnapshot(codec.encodeSnapshot(s))).isEqualTo(s);
        });
  }

  interface Decoding {
    void run() throws ProtocolException;
  }

  private static void expectOnlyProtocolException(long seed, String frame, Decoding decoding) {
    try {
      decoding.run();
    } catch (ProtocolException e) {
      assertThat(e.reason()).isNotNull();
      assertThat(e.reason().closeCode()).isIn(CloseCodes.MALFORMED, CloseCodes.TOO_BIG);
      assertThat(e.getMessage()).isNotNull();
    } catch (Throwable t) {
      String shown = frame.length() > 500 ? frame.substring(0, 500) + "…" : frame;
      fail("seed " + seed + ": " + t + " escaped the decoder for frame: " + shown, t);
    }
  }
}
