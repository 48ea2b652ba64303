package dev.drawbridge.client.ui.clipboard;

import java.io.ObjectInputFilter;

/**
 * JavaFX deserializes (Java serialization) whatever another process put on the system clipboard
 * under a custom type before the app sees it, so a hostile program could hand the app a
 * deserialization gadget under the Drawbridge type. The app uses Java serialization for nothing
 * else, so the process-wide filter lets through plain strings (what a JavaFX app puts under a
 * custom type) and refuses every other class, and bounds the stream.
 */
public final class ClipboardSerialFilter {
  /** Strings only, a small graph; anything else is rejected before it is built. */
  static final ObjectInputFilter FILTER =
      ObjectInputFilter.Config.createFilter(
          "maxdepth=4;maxrefs=16;maxbytes=134217728;java.lang.String;!*");

  private ClipboardSerialFilter() {}

  /** Installs the filter for the process unless one was set already (then that one stays). */
  public static void install() {
    if (ObjectInputFilter.Config.getSerialFilter() == null) {
      try {
        ObjectInputFilter.Config.setSerialFilter(FILTER);
      } catch (IllegalStateException alreadySet) {
        // Set meanwhile (or by -Djdk.serialFilter): that filter is the process's choice.
      }
    }
  }
}
