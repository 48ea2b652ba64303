package dev.drawbridge.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.protocol.validation.InvalidFieldException;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.nio.charset.StandardCharsets;

/**
 * Encodes and decodes every protocol message (docs/protocol.md R7–R9, R60, R70). Decoding is strict
 * and bounded: any bad frame yields a {@link ProtocolException} with a machine-readable reason and
 * never any other exception. Unknown fields are ignored, for forward compatibility. Thread-safe;
 * share one instance.
 */
public final class ProtocolCodec {
  private final ObjectReader clientReader;
  private final ObjectReader serverReader;
  private final ObjectReader snapshotReader;
  private final ObjectReader opReader;
  private final ObjectWriter clientWriter;
  private final ObjectWriter serverWriter;
  private final ObjectWriter snapshotWriter;
  private final ObjectWriter opWriter;

  public ProtocolCodec() {
    ObjectMapper clientSide = mapper(ProtocolLimits.MAX_CLIENT_FRAME_BYTES);
    ObjectMapper serverSide = mapper(ProtocolLimits.MAX_SERVER_FRAME_BYTES);
    clientReader = clientSide.readerFor(ClientMessage.class);
    clientWriter = clientSide.writerFor(ClientMessage.class);
    opReader = clientSide.readerFor(Op.class);
    opWriter = clientSide.writerFor(Op.class);
    serverReader = serverSide.readerFor(ServerMessage.class);
    serverWriter = serverSide.writerFor(ServerMessage.class);
    snapshotReader = serverSide.readerFor(BoardSnapshot.class);
    snapshotWriter = serverSide.writerFor(BoardSnapshot.class);
  }

  private static ObjectMapper mapper(long maxDocumentBytes) {
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(ProtocolLimits.MAX_NESTING_DEPTH)
            .maxStringLength(ProtocolLimits.MAX_JSON_STRING_LENGTH)
            .maxNumberLength(64)
            .maxDocumentLength(maxDocumentBytes)
            .build();
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(constraints)
            // A repeated key is ambiguous (which one did the sender mean?): refuse it (R8).
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Same correctly rounded values as Double.parseDouble, ~20 % faster on point arrays.
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();
    JsonMapper mapper =
        JsonMapper.builder(factory)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            // Trailing data is checked in read(): Jackson reports it as a wrong type, R8 says
            // malformed_json.
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addHandler(new UnreadValues())
            .addModule(
                new SimpleModule()
                    .addDeserializer(float[].class, new PointArrayReader())
                    .addDeserializer(byte[].class, new Base64Reader()))
            .build();
    // Jackson still turns numbers and booleans into strings when scalar coercion is off; a
    // number where the spec says string is the wrong shape (R8).
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  public String encode(ClientMessage message) {
    return write(clientWriter, message);
  }

  public String encode(ServerMessage message) {
    return write(serverWriter, message);
  }

  /** UTF-8 bytes of {@code message}: build a broadcast frame once, send it to every member. */
  public byte[] encodeToBytes(ServerMessage message) {
    try {
      return serverWriter.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a valid record always encodes", e);
    }
  }

  public String encodeOp(Op op) {
    return write(opWriter, op);
  }

  public String encodeSnapshot(BoardSnapshot snapshot) {
    return write(snapshotWriter, snapshot);
  }

  public ClientMessage decodeClient(String json) throws ProtocolException {
    return read(clientReader, json, ProtocolLimits.MAX_CLIENT_FRAME_BYTES);
  }

  public ServerMessage decodeServer(String json) throws ProtocolException {
    return read(serverReader, json, ProtocolLimits.MAX_SERVER_FRAME_BYTES);
  }

  public Op decodeOp(String json) throws ProtocolException {
    return read(opReader, json, ProtocolLimits.MAX_CLIENT_FRAME_BYTES);
  }

  public BoardSnapshot decodeSnapshot(String json) throws ProtocolException {
    return read(snapshotReader, json, Integer.MAX_VALUE);
  }

  /** Decodes a client message from UTF-8 bytes (invalid UTF-8 is MALFORMED_JSON). */
  public ClientMessage decodeClient(byte[] utf8) throws ProtocolException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    try {
      return decodeClient(decoder.decode(java.nio.ByteBuffer.wrap(utf8)).toString());
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ProtocolException(ProtocolException.Reason.MALFORMED_JSON, "invalid UTF-8", e);
    }
  }

  private static String write(ObjectWriter writer, Object value) {
    try {
      return writer.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a valid record always encodes", e);
    }
  }

  private static <T> T read(ObjectReader reader, String json, long maxChars)
      throws ProtocolException {
    if (json == null) {
      throw new ProtocolException(ProtocolException.Reason.MALFORMED_JSON, "no frame");
    }
    if (json.isBlank()) {
      throw new ProtocolException(ProtocolException.Reason.MALFORMED_JSON, "empty frame");
    }
    if (json.length() > maxChars) {
      throw new ProtocolException(
          ProtocolException.Reason.TOO_BIG, "frame longer than " + maxChars + " characters");
    }
    try (JsonParser parser = reader.createParser(json)) {
      T value = reader.readValue(parser);
      if (value == null) {
        throw new ProtocolException(ProtocolException.Reason.MALFORMED_JSON, "null message");
      }
      // A second object (or anything) after the message: a frame holds exactly one (R7, R8).
      if (parser.nextToken() != null) {
        throw new ProtocolException(
            ProtocolException.Reason.MALFORMED_JSON, "trailing data after the message");
      }
      return value;
    } catch (ProtocolException e) {
      throw e;
    } catch (JacksonException e) {
      throw classify(e);
    } catch (RuntimeException | StackOverflowError e) {
      // Defence in depth: whatever slipped past Jackson's own checks is still a bad frame.
      throw new ProtocolException(ProtocolException.Reason.INVALID_VALUE, describe(e), e);
    } catch (java.io.IOException e) {
      throw new ProtocolException(ProtocolException.Reason.MALFORMED_JSON, describe(e), e);
    }
  }

  private static ProtocolException classify(JacksonException e) {
    InvalidFieldException field = findInvalidField(e);
    if (field != null) {
      ProtocolException.Reason reason =
          field.tooBig()
              ? ProtocolException.Reason.TOO_BIG
              : field.missing()
                  ? ProtocolException.Reason.MISSING_FIELD
                  : ProtocolException.Reason.INVALID_VALUE;
      return new ProtocolException(reason, field.getMessage(), e);
    }
    ProtocolException.Reason reason;
    // Databind wraps a limit hit inside a field's deserializer; the limit is still the reason (R9).
    StreamConstraintsException limit = findCause(e, StreamConstraintsException.class);
    if (limit != null) {
      reason =
          limit.getMessage() != null && limit.getMessage().contains("nesting")
              ? ProtocolException.Reason.TOO_DEEP
              : ProtocolException.Reason.TOO_BIG;
    } else if (findCause(e, JsonParseException.class) != null) {
      // A syntax error (NaN, Infinity, a bad token) met inside a record's field arrives wrapped
      // in a databind exception; it is still not JSON (R8).
      reason = ProtocolException.Reason.MALFORMED_JSON;
    } else if (e instanceof InvalidTypeIdException typeId) {
      reason =
          typeId.getTypeId() == null
              ? ProtocolException.Reason.MISSING_FIELD
              : ProtocolException.Reason.UNKNOWN_TYPE;
    } else if (e instanceof MismatchedInputException m && isMissingPrimitive(m)) {
      reason = ProtocolException.Reason.MISSING_FIELD;
    } else if (e instanceof MismatchedInputException || e instanceof InputCoercionException) {
      reason = ProtocolException.Reason.WRONG_TYPE;
    } else if (e instanceof StreamReadException) {
      reason = ProtocolException.Reason.MALFORMED_JSON;
    } else {
      reason = ProtocolException.Reason.INVALID_VALUE;
    }
    return new ProtocolException(reason, describe(e), e);
  }

  /** Records read an absent number or boolean as null, which primitives refuse. */
  private static boolean isMissingPrimitive(MismatchedInputException e) {
    String message = e.getOriginalMessage();
    return message != null && message.startsWith("Cannot map `null` into type");
  }

  private static InvalidFieldException findInvalidField(Throwable e) {
    return findCause(e, InvalidFieldException.class);
  }

  private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** The first line of an exception's message, without Jackson's source excerpts. */
  private static String describe(Throwable e) {
    String message = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
    if (message == null) {
      return e.getClass().getSimpleName();
    }
    int newline = message.indexOf('\n');
    String first = newline < 0 ? message : message.substring(0, newline);
    return first.length() > 200 ? first.substring(0, 200) : first;
  }
}
