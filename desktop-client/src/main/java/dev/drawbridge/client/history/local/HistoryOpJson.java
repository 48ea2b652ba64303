package dev.drawbridge.client.history.local;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.message.HistoryOp;
import java.io.IOException;
import java.io.StringWriter;

/**
 * One stored op as JSON, {@code {"seq":…,"id":…,"clientId":…,"t":…,"op":{…}}}: the form a relay's
 * history page gives it (R117), used by the history log and the {@code .drawbridge} file alike. The
 * op itself goes through the protocol codec, so it is checked like any op from a relay.
 */
public final class HistoryOpJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFactory FACTORY = new JsonFactory();
  private final ProtocolCodec codec;

  public HistoryOpJson(ProtocolCodec codec) {
    this.codec = codec;
  }

  /** Writes {@code op} as one JSON object to {@code g}. */
  public void write(JsonGenerator g, HistoryOp op) throws IOException {
    g.writeStartObject();
    g.writeNumberField("seq", op.seq());
    g.writeStringField("id", op.id());
    g.writeStringField("clientId", op.clientId());
    if (op.t() != null) {
      g.writeNumberField("t", op.t());
    }
    g.writeFieldName("op");
    g.writeRawValue(codec.encodeOp(op.op()));
    g.writeEndObject();
  }

  /** {@code op} as compact JSON text. */
  public String encode(HistoryOp op) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(g, op);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * The op in {@code text}.
   *
   * @throws IllegalArgumentException when it is not one (bad JSON, a field missing or out of range)
   */
  public HistoryOp decode(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      JsonNode t = node.get("t");
      if (!node.path("seq").isIntegralNumber() || !node.hasNonNull("op")) {
        throw new IllegalArgumentException("not a stored op");
      }
      return new HistoryOp(
          node.get("seq").asLong(),
          node.path("id").asText(null),
          node.path("clientId").asText(null),
          t == null || t.isNull() ? null : t.asLong(),
          codec.decodeOp(node.get("op").toString()));
    } catch (IOException | ProtocolException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(String.valueOf(e.getMessage()), e);
    }
  }
}
