package dev.drawbridge.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The wire's sealed interfaces and their permitted records, found by reflection. */
final class SealedTypes {
  static final List<Class<?>> INTERFACES =
      List.of(ClientMessage.class, ServerMessage.class, Op.class);

  private SealedTypes() {}

  /** Every permitted subclass of every wire interface. */
  static List<Class<?>> allPermitted() {
    List<Class<?>> all = new ArrayList<>();
    for (Class<?> sealed : INTERFACES) {
      all.addAll(Arrays.asList(sealed.getPermittedSubclasses()));
    }
    return all;
  }

  /** The wire interface a record implements. */
  static Class<?> interfaceOf(Class<?> type) {
    for (Class<?> sealed : INTERFACES) {
      if (sealed.isAssignableFrom(type)) {
        return sealed;
      }
    }
    throw new IllegalArgumentException(type + " is not a wire type");
  }

  /** The JSON {@code type} name of a record, from its interface's {@code @JsonSubTypes}. */
  static String typeName(Class<?> type) {
    for (JsonSubTypes.Type t : interfaceOf(type).getAnnotation(JsonSubTypes.class).value()) {
      if (t.value() == type) {
        return t.name();
      }
    }
    throw new IllegalArgumentException(type + " has no @JsonSubTypes name");
  }

  /** {@code golden/<Interface>-<type>.json}. */
  static String goldenName(Class<?> type) {
    return interfaceOf(type).getSimpleName() + "-" + typeName(type) + ".json";
  }
}
