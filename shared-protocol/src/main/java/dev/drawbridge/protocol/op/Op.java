package dev.drawbridge.protocol.op;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeResolver;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.validation.ObjectsOnlyTypeResolver;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import dev.drawbridge.protocol.validation.Require;

/**
 * A drawing operation: the only way a board changes. Ops are data; what they mean is decided in one
 * place, {@code BoardState}. On the wire an op is a JSON object whose {@code type} names the record
 * (docs/protocol.md, R30–R34).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonTypeResolver(ObjectsOnlyTypeResolver.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = Op.AddElement.class, name = "add"),
  @JsonSubTypes.Type(value = Op.AppendPoints.class, name = "append"),
  @JsonSubTypes.Type(value = Op.UpdateElement.class, name = "update"),
  @JsonSubTypes.Type(value = Op.DeleteElement.class, name = "delete"),
})
public sealed interface Op {

  /** The element this op is about. */
  String elementId();

  /** Puts a new element on the board; an id that already exists (even deleted) is ignored (R31). */
  record AddElement(Element element) implements Op {
    public AddElement {
      Require.present(element, "element");
      if (element.points().size() > ProtocolLimits.MAX_POINTS_PER_OP) {
        throw Require.tooBig("element.points", "more than " + ProtocolLimits.MAX_POINTS_PER_OP);
      }
    }

    @Override
    public String elementId() {
      return element.id();
    }
  }

  /** Adds points to a freehand stroke that is being drawn (live strokes, R32). */
  record AppendPoints(String elementId, Points points) implements Op {
    public AppendPoints {
      Require.id(elementId, "elementId");
      Require.present(points, "points");
      if (points.size() > ProtocolLimits.MAX_POINTS_PER_OP) {
        throw Require.tooBig("points", "more than " + ProtocolLimits.MAX_POINTS_PER_OP);
      }
    }
  }

  /** Sets some properties of an element; each is resolved last-writer-wins by seq (R33, R42). */
  record UpdateElement(String elementId, ElementPatch patch) implements Op {
    public UpdateElement {
      Require.id(elementId, "elementId");
      Require.present(patch, "patch");
      // R101: an end bound to its own line is refused like any other invalid value.
      if (bindsTo(patch.startBinding(), elementId) || bindsTo(patch.endBinding(), elementId)) {
        throw Require.invalid("patch.startBinding", "an element cannot be bound to itself");
      }
    }

    private static boolean bindsTo(
        dev.drawbridge.protocol.element.Binding binding, String elementId) {
      return binding != null && elementId.equals(binding.elementId());
    }
  }

  /**
   * Marks an element deleted (a tombstone); undo is an update with {@code deleted: false} (R34,
   * R43).
   */
  record DeleteElement(String elementId) implements Op {
    public DeleteElement {
      Require.id(elementId, "elementId");
    }
  }
}
