package dev.drawbridge.relay.net;

import dev.drawbridge.protocol.CloseCodes;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;

/**
 * RFC 6455 with the relay's close codes: a frame over the size limit closes with 4009 (R9) rather
 * than the library's 1009, and a text frame that is not UTF-8 closes with 4002 (R7) rather than
 * 1007. Uses the two-argument constructor: the three-argument one with an empty protocol list
 * refuses every handshake.
 */
final class RelayDraft extends Draft_6455 {
  private final int maxFrameSize;

  RelayDraft(int maxFrameSize) {
    super(Collections.emptyList(), maxFrameSize);
    this.maxFrameSize = maxFrameSize;
  }

  @Override
  public List<Framedata> translateFrame(ByteBuffer buffer) throws InvalidDataException {
    try {
      return super.translateFrame(buffer);
    } catch (LimitExceededException e) {
      throw new InvalidDataException(CloseCodes.TOO_BIG, "frame too big");
    } catch (InvalidDataException e) {
      throw relayCode(e);
    }
  }

  private static InvalidDataException relayCode(InvalidDataException e) {
    if (e.getCloseCode() == CloseFrame.NO_UTF8) {
      return new InvalidDataException(CloseCodes.MALFORMED, "text frame is not UTF-8");
    }
    return e;
  }

  @Override
  public void processFrame(WebSocketImpl webSocket, Framedata frame) throws InvalidDataException {
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
