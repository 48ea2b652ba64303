package dev.drawbridge.relay.net;

import dev.drawbridge.protocol.CloseCodes;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.util.Charsetfunctions;

/**
 * RFC 6455 with the relay's close codes: a frame over the size limit closes with 4009 (R9) rather
 * than the library's 1009, and a text frame that is not UTF-8 closes with 4002 (R7) rather than
 * 1007. What the library lets through or mishandles (unmasked frames, bad close frames) {@link
 * ClientFrameCheck} refuses first with 1002 or 1007 (R71, R72). Uses the two-argument constructor:
 * the three-argument one with an empty protocol list refuses every handshake.
 */
final class RelayDraft extends Draft_6455 {
  private final int maxFrameSize;
  private final ClientFrameCheck frameCheck = new ClientFrameCheck();

  RelayDraft(int maxFrameSize) {
    super(Collections.emptyList(), maxFrameSize);
    this.maxFrameSize = maxFrameSize;
  }

  @Override
  public List<Framedata> translateFrame(ByteBuffer buffer) throws InvalidDataException {
    frameCheck.check(buffer);
    try {
      return super.translateFrame(buffer);
    } catch (LimitExceededException e) {
      throw new InvalidDataException(CloseCodes.TOO_BIG, "frame too big");
    } catch (InvalidDataException e) {
      throw relayCode(e);
    } catch (RuntimeException e) {
      // Peer bytes tripped a parser bug: the library would log it with a stack trace for every
      // read and keep the connection open.
      throw new InvalidDataException(CloseFrame.PROTOCOL_ERROR, "unreadable frame");
    }
  }

  /** The rejects counter's reason for a frame this draft refused with {@code closeCode}. */
  static String rejectReason(int closeCode) {
    return switch (closeCode) {
      case CloseCodes.TOO_BIG -> "frame_too_big";
      case CloseCodes.MALFORMED -> "invalid_utf8";
      case CloseFrame.NO_UTF8 -> "close_reason_not_utf8";
      default -> "frame_protocol_error";
    };
  }

  private static InvalidDataException relayCode(InvalidDataException e) {
    if (e.getCloseCode() == CloseFrame.NO_UTF8) {
      return new InvalidDataException(CloseCodes.MALFORMED, "text frame is not UTF-8");
    }
    return e;
  }

  @Override
  public void processFrame(WebSocketImpl webSocket, Framedata frame) throws InvalidDataException {
    // The library refuses this too, but logs an ERROR line first.
    if (frame.getOpcode() == Opcode.TEXT
        && !frame.isFin()
        && !Charsetfunctions.isValidUTF8(frame.getPayloadData())) {
      throw new InvalidDataException(CloseCodes.MALFORMED, "text frame is not UTF-8");
    }
    try {
      super.processFrame(webSocket, frame);
    } catch (LimitExceededException e) {
      throw new InvalidDataException(CloseCodes.TOO_BIG, "message too big");
    } catch (InvalidDataException e) {
      throw relayCode(e);
    }
  }

  @Override
  public Draft copyInstance() {
    return new RelayDraft(maxFrameSize);
  }
}
