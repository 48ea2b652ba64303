package dev.drawbridge.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.drawbridge.protocol.ProtocolException.Reason;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Valid-but-adversarial client frames: a valid message's JSON, still well-formed and of the right
 * shape, with one field mutated (huge strings, NaN, deep nesting, a repeated key, an unknown field,
 * boundary numbers, a wrong JSON type) and sometimes {@code type} moved last, which sends Jackson
 * down its buffering path. Unlike {@link FrameDamage}, most frames get past the JSON parser, so the
 * checks behind it (records, limits, unknown fields) are what is exercised.
 *
 * <p>Each frame says what docs/protocol.md R8/R9 allow for it: an exact code where the rules fix
 * one (a string over 65,536 characters anywhere is {@code too_big}; an unknown field within the
 * limits is dropped), otherwise the codes its mutation may legitimately produce.
 */
final class AdversarialFrames {
  /** A frame and what the codec may do with it. */
  record Frame(String mutation, String json, Set<Reason> refusals, boolean mayDecode, Object same) {
    static Frame refused(String mutation, String json, Reason reason) {
      return new Frame(mutation, json, EnumSet.of(reason), false, null);
    }

    static Frame refusedWithOneOf(String mutation, String json, Set<Reason> refusals) {
      return new Frame(mutation, json, refusals, false, null);
    }

    /** Decodes to exactly {@code same}: what was added is ignored (R8). */
    static Frame decodesAs(String mutation, String json, ClientMessage same) {
      return new Frame(mutation, json, EnumSet.noneOf(Reason.class), true, same);
    }

    static Frame decodesOrRefused(String mutation, String json, Set<Reason> refusals) {
      return new Frame(mutation, json, refusals, true, null);
    }
  }

  private static final ObjectMapper TREES = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int STRING_LIMIT = ProtocolLimits.MAX_JSON_STRING_LENGTH;
  private static final String[] NON_FINITE = {"NaN", "Infinity", "-Infinity", "+Infinity", "-NaN"};
  private static final String[] BOUNDARY_NUMBERS = {
    "0",
    "-0",
    "-0.0",
    "-1",
    "1.5",
    "1e3",
    "10000000",
    "10000001",
    "-10000000.000001",
    "1e15",
    "1.0000000000000002e15",
    "4.9e-324",
    "1.7976931348623157e308",
    "1e309",
    "2147483648",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "1".repeat(64),
    "1".repeat(65),
    "0." + "0".repeat(62) + "1",
  };
  private static final String[] OTHER_TYPES = {
    "\"5\"", "5", "-1", "2.5", "true", "false", "[]", "[1,2]", "{}", "{\"a\":1}", "null", "\"\""
  };
  private static final Set<Reason> WRONG_SHAPE =
      EnumSet.of(Reason.WRONG_TYPE, Reason.MISSING_FIELD, Reason.UNKNOWN_TYPE);
  private static final Set<Reason> OUT_OF_RANGE =
      EnumSet.of(Reason.INVALID_VALUE, Reason.WRONG_TYPE, Reason.TOO_BIG);

  private final Random random;
  private int unknownKeys;

  AdversarialFrames(Random random) {
    this.random = random;
  }

  /** One mutation of {@code valid}'s frame. */
  Frame mutate(ClientMessage valid, String validJson) {
    ObjectNode root = tree(validJson);
    List<Slot> slots = new ArrayList<>();
    collect(root, 1, slots);
    Slot slot = slots.get(random.nextInt(slots.size()));
    Frame frame =
        switch (random.nextInt(9)) {
          case 0 -> {
            String huge = "\"" + "s".repeat(STRING_LIMIT + 1 + random.nextInt(4_000)) + "\"";
            yield Frame.refused("huge string at " + slot, set(slot, huge, root), Reason.TOO_BIG);
          }
          case 1 -> {
            String limit = "\"" + "s".repeat(STRING_LIMIT) + "\"";
            // Within the JSON limit, but over every client field's own limit (R9) or not a string.
            // An op given as a string reads as an op without its type when Jackson has buffered
            // the frame ({@code type} last), hence missing_field.
            Set<Reason> reasons = EnumSet.copyOf(OUT_OF_RANGE);
            reasons.addAll(WRONG_SHAPE);
            yield Frame.refusedWithOneOf(
                "65,536-char string at " + slot, set(slot, limit, root), reasons);
          }
          case 2 ->
              Frame.refused(
                  "non-finite number at " + slot,
                  set(slot, pick(NON_FINITE), root),
                  Reason.MALFORMED_JSON);
          case 3 -> deepNesting(slot, root);
          case 4 -> repeatedKey(root, slots, validJson);
          case 5, 6 -> unknownField(valid, root, slots);
          case 7 -> {
            Set<Reason> reasons = EnumSet.copyOf(OUT_OF_RANGE);
            reasons.addAll(WRONG_SHAPE);
            yield Frame.decodesOrRefused(
                "boundary number at " + slot, set(slot, pick(BOUNDARY_NUMBERS), root), reasons);
          }
          default ->
              Frame.decodesOrRefused(
                  "wrong type at " + slot,
                  set(slot, pick(OTHER_TYPES), root),
                  EnumSet.of(
                      Reason.WRONG_TYPE,
                      Reason.MISSING_FIELD,
                      Reason.UNKNOWN_TYPE,
                      Reason.INVALID_VALUE));
        };
    return frame;
  }

  /** Deeper than any valid message: too deep, or the wrong shape if the field says so first. */
  private Frame deepNesting(Slot slot, ObjectNode root) {
    int levels = ProtocolLimits.MAX_NESTING_DEPTH + 1 + random.nextInt(40);
    String deep = "[".repeat(levels) + "1" + "]".repeat(levels);
    Set<Reason> reasons = EnumSet.of(Reason.TOO_DEEP);
    reasons.addAll(WRONG_SHAPE);
    return Frame.refusedWithOneOf("deep nesting at " + slot, set(slot, deep, root), reasons);
  }

  /** An object member written twice; the parser refuses it whatever the values (R8). */
  private Frame repeatedKey(ObjectNode root, List<Slot> slots, String validJson) {
    List<Slot> members = slots.stream().filter(s -> s.key() != null).toList();
    Slot slot = members.get(random.nextInt(members.size()));
    String again = random.nextBoolean() ? slot.current() : pick(OTHER_TYPES);
    String json = set(slot, slot.current() + ",\"" + slot.key() + "\":" + again, root);
    return Frame.refused("repeated key at " + slot, json, Reason.MALFORMED_JSON);
  }

  /** A member no version of the protocol defines, in any object of the frame (R8, R70). */
  private Frame unknownField(ClientMessage valid, ObjectNode root, List<Slot> slots) {
    List<ObjectNode> objects = new ArrayList<>();
    List<Integer> depths = new ArrayList<>();
    objects.add(root);
    depths.add(1);
    for (Slot s : slots) {
      if (s.node() instanceof ObjectNode o) {
        objects.add(o);
        depths.add(s.depth() + 1);
      }
    }
    int which = random.nextInt(objects.size());
    ObjectNode target = objects.get(which);
    int depth = depths.get(which);
    String key = random.nextBoolean() ? "x_future" + unknownKeys++ : "未知" + unknownKeys++;
    String where = "unknown field " + key + " at depth " + depth;
    int room = ProtocolLimits.MAX_NESTING_DEPTH - depth;
    return switch (random.nextInt(8)) {
      case 0 -> {
        String value = "\"" + "u".repeat(STRING_LIMIT + 1 + random.nextInt(140_000)) + "\"";
        yield Frame.refused(where + ", huge string", add(target, key, value, root), Reason.TOO_BIG);
      }
      case 1 -> {
        // The huge string inside arrays and objects: skipped values were never measured.
        String value = "[{\"a\":[\"" + "u".repeat(STRING_LIMIT + 1) + "\"]}]";
        // Three levels deeper than its object: the parser meets the depth limit first, if any.
        Reason reason = room >= 3 ? Reason.TOO_BIG : Reason.TOO_DEEP;
        yield Frame.refused(where + ", nested huge string", add(target, key, value, root), reason);
      }
      case 2 ->
          Frame.decodesAs(
              where + ", 65,536-char string",
              add(target, key, "\"" + "u".repeat(STRING_LIMIT) + "\"", root),
              valid);
      case 3 ->
          Frame.refused(
              where + ", non-finite number",
              add(target, key, pick(NON_FINITE), root),
              Reason.MALFORMED_JSON);
      case 4 ->
          Frame.refused(
              where + ", 65-digit number", add(target, key, "1".repeat(65), root), Reason.TOO_BIG);
      case 5 -> {
        int levels = room + 1 + random.nextInt(20);
        String deep = "[".repeat(levels) + "]".repeat(levels);
        yield Frame.refused(where + ", too deep", add(target, key, deep, root), Reason.TOO_DEEP);
      }
      case 6 -> {
        int levels = random.nextInt(room + 1);
        String nested = "{\"k\":".repeat(levels) + "\"v\"" + "}".repeat(levels);
        yield Frame.decodesAs(where + ", nested " + levels, add(target, key, nested, root), valid);
      }
      default ->
          Frame.decodesAs(
              where + ", " + "boundary number",
              add(target, key, pick(BOUNDARY_NUMBERS).replace("1".repeat(65), "7"), root),
              valid);
    };
  }

  private String add(ObjectNode target, String key, String rawValue, ObjectNode root) {
    target.putRawValue(key, new RawValue(rawValue));
    return write(root);
  }

  /** Sometimes {@code type} last: Jackson then buffers every member before it knows the record. */
  private String write(ObjectNode root) {
    if (random.nextInt(4) == 0) {
      JsonNode type = root.remove("type");
      root.set("type", type);
    }
    try {
      return TREES.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode tree(String json) {
    try {
      return (ObjectNode) TREES.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }

  /** Every member of every object and one element of every non-empty array, with its depth. */
  private void collect(JsonNode node, int depth, List<Slot> into) {
    if (node instanceof ObjectNode o) {
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        into.add(new Slot(o, e.getKey(), -1, depth));
        collect(e.getValue(), depth + 1, into);
      }
    } else if (node instanceof ArrayNode a && !a.isEmpty()) {
      int index = random.nextInt(a.size());
      into.add(new Slot(a, null, index, depth));
      collect(a.get(index), depth + 1, into);
    }
  }

  /** An object member ({@code key}) or array element ({@code index}) whose value gets replaced. */
  private record Slot(JsonNode parent, String key, int index, int depth) {
    JsonNode node() {
      return key != null ? parent.get(key) : parent.get(index);
    }

    String current() {
      return node().toString();
    }

    @Override
    public String toString() {
      return (key != null ? key : "[" + index + "]") + " (depth " + depth + ")";
    }
  }

  /** The whole frame with {@code slot}'s value replaced by the raw JSON {@code value}. */
  private String set(Slot slot, String value, ObjectNode root) {
    JsonNode raw = NODES.rawValueNode(new RawValue(value));
    if (slot.parent() instanceof ObjectNode o) {
      o.set(slot.key(), raw);
    } else {
      ((ArrayNode) slot.parent()).set(slot.index(), raw);
    }
    return write(root);
  }
}
