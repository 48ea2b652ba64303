package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.ui.common.Messages;
import java.util.Set;

/**
 * The toast for a picture the relay will not store (docs/protocol.md R113, R114), by the relay's
 * reason; a reason this build does not know (a newer relay's) gets the general text with it.
 */
final class ImageRefusals {
  private static final Set<String> KNOWN =
      Set.of("too_big", "room_full", "bad_image", "hash_mismatch", "viewer", "not_supported");

  private ImageRefusals() {}

  static String text(Messages messages, String reason) {
    return KNOWN.contains(reason)
        ? messages.get("image.notStored." + reason)
        : messages.get("image.notStored.other", reason);
  }
}
