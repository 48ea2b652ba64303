package dev.drawbridge.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.PrimitiveArrayDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Point arrays ({@code float[]}, the only one on the wire) are JSON arrays. Jackson 2.20 also reads
 * a {@code float[]} from a base64 string (a "packed binary vector"), which let {@code
 * "points":"AAAAAAAAAAA="} through as two zeros; any other token is the wrong type (R8).
 */
final class PointArrayReader extends StdDeserializer<float[]> {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("unchecked")
  private final JsonDeserializer<float[]> standard =
      (JsonDeserializer<float[]>) PrimitiveArrayDeserializers.forType(Float.TYPE);

  PointArrayReader() {
    super(float[].class);
  }

  @Override
  public float[] deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.isExpectedStartArrayToken()) {
      return standard.deserialize(parser, context);
    }
    if (parser.hasToken(JsonToken.VALUE_STRING)) {
      parser.getText(); // the string limit (R9) comes before the type
    }
    return (float[]) context.handleUnexpectedToken(float[].class, parser);
  }
}
