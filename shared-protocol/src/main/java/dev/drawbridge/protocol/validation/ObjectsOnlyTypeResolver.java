package dev.drawbridge.protocol.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.impl.AsPropertyTypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.impl.StdTypeResolverBuilder;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.Collection;

/**
 * Messages and ops are JSON objects whose {@code type} names the record (R7, R8). Jackson's
 * type-property reader also accepts the "wrapper array" form ({@code ["ping",{"t":1}]}) when it
 * meets an array: this resolver refuses it, as a value of the wrong JSON type. Used through
 * {@code @JsonTypeResolver} next to each sealed interface's {@code @JsonTypeInfo}.
 */
public final class ObjectsOnlyTypeResolver extends StdTypeResolverBuilder {
  @Override
  public TypeDeserializer buildTypeDeserializer(
      DeserializationConfig config, JavaType baseType, Collection<NamedType> subtypes) {
    TypeDeserializer built = super.buildTypeDeserializer(config, baseType, subtypes);
    return built instanceof AsPropertyTypeDeserializer byProperty
        ? new ObjectsOnly(byProperty, null)
        : built;
  }

  /** The type-property reader without its array fallback. */
  private static final class ObjectsOnly extends AsPropertyTypeDeserializer {
    private static final long serialVersionUID = 1L;

    ObjectsOnly(AsPropertyTypeDeserializer source, BeanProperty property) {
      super(source, property);
    }

    @Override
    public TypeDeserializer forProperty(BeanProperty property) {
      return property == _property ? this : new ObjectsOnly(this, property);
    }

    @Override
    public Object deserializeTypedFromAny(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      refuseArray(p, ctxt);
      return super.deserializeTypedFromAny(p, ctxt);
    }

    @Override
    protected Object _deserializeTypedUsingDefaultImpl(
        JsonParser p, DeserializationContext ctxt, TokenBuffer tb, String priorFailureMsg)
        throws IOException {
      refuseArray(p, ctxt);
      return super._deserializeTypedUsingDefaultImpl(p, ctxt, tb, priorFailureMsg);
    }

    private void refuseArray(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.isExpectedStartArrayToken()) {
        throw ctxt.wrongTokenException(
            p, baseType(), JsonToken.START_OBJECT, "expected a JSON object, not an array");
      }
    }
  }
}
