package dev.drawbridge.relay.net;

import java.nio.ByteBuffer;

/** Server-to-client text frames (unmasked, FIN set), built once per message. */
final class TextFrames {
  private TextFrames() {}

  static ByteBuffer frame(byte[] payload) {
    int n = payload.length;
    int header = n < 126 ? 2 : n <= 0xFFFF ? 4 : 10;
    ByteBuffer b = ByteBuffer.allocate(header + n);
    b.put((byte) 0x81);
    if (n < 126) {
      b.put((byte) n);
    } else if (n <= 0xFFFF) {
      b.put((byte) 126);
      b.putShort((short) n);
    } else {
      b.put((byte) 127);
      b.putLong(n);
    }
    b.put(payload);
    b.flip();
    return b;
  }
}
