package dev.drawbridge.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.drawbridge.protocol.validation.Require;
import java.io.IOException;
import java.util.Base64;

/**
 * Blob chunks ({@code byte[]}, the only one on the wire, R110) are base64 strings. Jackson's own
 * reader decodes the string as it streams it, past the 65,536-character limit every string has
 * (R9), and also takes an array of numbers; this one reads the string first, so the limit holds,
 * and decodes it with the strict standard alphabet and padding: anything else is {@code
 * invalid_value}, and a token that is not a string is the wrong type (R8).
 */
final class Base64Reader extends StdDeserializer<byte[]> {
  private static final long serialVersionUID = 1L;

  Base64Reader() {
    super(byte[].class);
  }

  @Override
  public byte[] deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (!parser.hasToken(JsonToken.VALUE_STRING)) {
      return (byte[]) context.handleUnexpectedToken(byte[].class, parser);
    }
    String text = parser.getText();
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw Require.invalid("data", "not base64 (standard alphabet, with padding)");
    }
  }
}
