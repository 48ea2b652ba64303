package dev.drawbridge.relay.net;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;

/**
 * RFC 6455 rules for one client's byte stream, checked before Java-WebSocket parses it (R71, R72).
 * The library accepts unmasked client frames and throws a NullPointerException on a close reason
 * that is not UTF-8 (logged with a stack trace, connection left open); the other header rules it
 * enforces too, but only after logging an ERROR line for some of them. Reads the bytes without
 * consuming them; holds at most one frame header and one close payload (≤ 125 bytes).
 */
final class ClientFrameCheck {
  private static final int OP_CONTINUATION = 0x0;
  private static final int OP_CLOSE = 0x8;
  private static final int MAX_CONTROL_PAYLOAD = 125;

  private final byte[] header = new byte[14];
  private int headerRead;
  private int headerSize = 2;
  private long payloadLeft;
  private boolean inMessage;
  private byte[] closePayload;
  private int closeRead;

  /** Checks the frames in {@code bytes} (position to limit), which may start or end mid-frame. */
  void check(ByteBuffer bytes) throws InvalidDataException {
    int i = bytes.position();
    while (i < bytes.limit()) {
      if (payloadLeft > 0) {
        int n = (int) Math.min(payloadLeft, bytes.limit() - i);
        if (closePayload != null) {
          for (int k = 0; k < n; k++, closeRead++) {
            closePayload[closeRead] =
                (byte) (bytes.get(i + k) ^ header[headerSize - 4 + closeRead % 4]);
          }
        }
        i += n;
        payloadLeft -= n;
        if (payloadLeft == 0) {
          frameEnded();
        }
        continue;
      }
      header[headerRead++] = bytes.get(i++);
      if (headerRead == 2) {
        headerSize = firstTwoBytes();
      }
      if (headerRead == headerSize) {
        headerEnded();
      }
    }
  }

  /** Checks the fixed part of a header; returns the whole header's size. */
  private int firstTwoBytes() throws InvalidDataException {
    int opcode = header[0] & 0x0F;
    boolean fin = (header[0] & 0x80) != 0;
    int length7 = header[1] & 0x7F;
    if ((header[1] & 0x80) == 0) {
      throw protocolError("client frames must be masked");
    }
    if ((header[0] & 0x70) != 0) {
      throw protocolError("reserved bits set without an extension");
    }
    if (opcode >= 0x8) {
      if (opcode > 0xA) {
        throw protocolError("unknown opcode " + opcode);
      }
      if (!fin || length7 > MAX_CONTROL_PAYLOAD) {
        throw protocolError("control frames must be one frame of at most 125 bytes");
      }
    } else if (opcode > 0x2) {
      throw protocolError("unknown opcode " + opcode);
    } else if ((opcode == OP_CONTINUATION) != inMessage) {
      throw protocolError(inMessage ? "message not finished" : "continuation without a message");
    } else {
      inMessage = !fin;
    }
    return 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0) + 4;
  }

  private void headerEnded() throws InvalidDataException {
    int length7 = header[1] & 0x7F;
    long length =
        length7 < 126
            ? length7
            : length7 == 126
                ? ByteBuffer.wrap(header, 2, 2).getShort() & 0xFFFF
                : ByteBuffer.wrap(header, 2, 8).getLong();
    // A negative 64-bit length is the library's to refuse (4009, R9); skip the rest meanwhile.
    payloadLeft = length < 0 ? Long.MAX_VALUE : length;
    if ((header[0] & 0x0F) == OP_CLOSE) {
      closePayload = new byte[length7];
      closeRead = 0;
    }
    if (payloadLeft == 0) {
      frameEnded();
    }
  }

  private void frameEnded() throws InvalidDataException {
    byte[] close = closePayload;
    headerRead = 0;
    headerSize = 2;
    closePayload = null;
    if (close != null) {
      checkClose(close);
    }
  }

  /** RFC 6455 §5.5.1 and §7.4: no payload, or a code a client may send plus a UTF-8 reason. */
  private static void checkClose(byte[] payload) throws InvalidDataException {
    if (payload.length == 0) {
      return;
    }
    if (payload.length == 1) {
      throw protocolError("close payload of one byte");
    }
    int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
    if (!sendableCloseCode(code)) {
      throw protocolError("close code " + code + " may not be sent");
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(payload, 2, payload.length - 2));
    } catch (CharacterCodingException e) {
      throw new InvalidDataException(CloseFrame.NO_UTF8, "close reason is not UTF-8");
    }
  }

  /** 1000–1003 and 1007–1014 are defined for the wire; 3000–4999 are registered or private. */
  static boolean sendableCloseCode(int code) {
    return (code >= 1000 && code <= 1003)
        || (code >= 1007 && code <= 1014)
        || (code >= 3000 && code <= 4999);
  }

  private static InvalidDataException protocolError(String message) {
    return new InvalidDataException(CloseFrame.PROTOCOL_ERROR, message);
  }
}
