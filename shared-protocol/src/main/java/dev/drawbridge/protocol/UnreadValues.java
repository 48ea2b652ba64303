package dev.drawbridge.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import java.io.IOException;

/**
 * Where Jackson would pass over a value without reading it, reads it, so that the string limit (R9)
 * applies to every string in a frame. An unknown field is read through and dropped (R8, R70):
 * Jackson skipped it unread, so a 200,000-character string in one was accepted; nothing of it is
 * kept, so unknown fields are never stored or forwarded. A scalar where a message or an op is
 * expected is the wrong type (R8), not a missing {@code type}, and its string is measured first.
 */
final class UnreadValues extends DeserializationProblemHandler {
  @Override
  public boolean handleUnknownProperty(
      DeserializationContext context,
      JsonParser parser,
      JsonDeserializer<?> deserializer,
      Object beanOrClass,
      String propertyName)
      throws IOException {
    readThrough(parser);
    return true;
  }

  @Override
  public JavaType handleMissingTypeId(
      DeserializationContext context,
      JavaType baseType,
      TypeIdResolver idResolver,
      String failureMessage)
      throws IOException {
    JsonParser parser = context.getParser();
    JsonToken token = parser.currentToken();
    if (token == null || !token.isScalarValue()) {
      return null; // an object without its type: Jackson reports the missing field
    }
    readThrough(parser);
    throw MismatchedInputException.from(
        parser, baseType, "expected an object with a type, got " + token);
  }

  /** Consumes the value at the parser's current token, materialising every string in it. */
  private static void readThrough(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    int depth = 0;
    while (token != null) {
      if (token.isStructStart()) {
        depth++;
      } else if (token.isStructEnd()) {
        depth--;
      } else if (token == JsonToken.VALUE_STRING) {
        parser.getText(); // throws StreamConstraintsException beyond the string limit
      }
      if (depth == 0) {
        return;
      }
      token = parser.nextToken();
    }
  }
}
