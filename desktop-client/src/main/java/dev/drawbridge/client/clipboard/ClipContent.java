package dev.drawbridge.client.clipboard;

import dev.drawbridge.protocol.element.Element;
import java.util.List;
import java.util.Map;

/**
 * What a copy puts on the clipboard: elements in paint order and the bytes of the pictures they
 * show, by blob id (R108). A picture whose bytes were not on this machine (or over the size budget)
 * is absent from {@code pictures}; pasting it works only where the bytes are.
 */
public record ClipContent(List<Element> elements, Map<String, byte[]> pictures) {
  public ClipContent {
    elements = List.copyOf(elements);
    pictures = Map.copyOf(pictures);
  }
}
