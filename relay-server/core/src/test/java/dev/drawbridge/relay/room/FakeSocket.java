package dev.drawbridge.relay.room;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.message.ServerMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory {@link ClientSocket}: records what the room sent and how it closed. Op times (R116)
 * come from the relay's clock, so {@link #sent} has them left out; {@link #asSent} keeps them.
 */
final class FakeSocket implements ClientSocket {
  private static final ProtocolCodec CODEC = new ProtocolCodec();
  final List<ServerMessage> sent = new ArrayList<>();
  final List<ServerMessage> asSent = new ArrayList<>();
  final List<String> frames = new ArrayList<>();
  Integer closeCode;
  String closeReason;

  @Override
  public synchronized void send(Outbound message) {
    String frame = new String(message.json(), StandardCharsets.UTF_8);
    frames.add(frame);
    try {
      ServerMessage m = CODEC.decodeServer(frame);
      asSent.add(m);
      sent.add(withoutTime(m));
    } catch (ProtocolException e) {
      throw new AssertionError("room sent an undecodable message", e);
    }
  }

  private static ServerMessage withoutTime(ServerMessage m) {
    return switch (m) {
      case ServerMessage.Ack a ->
          new ServerMessage.Ack(a.id(), a.seq(), a.duplicate(), a.durable());
      case ServerMessage.OpBroadcast o ->
          new ServerMessage.OpBroadcast(o.seq(), o.id(), o.clientId(), o.op(), o.durable());
      default -> m;
    };
  }

  @Override
  public synchronized void close(int code, String reason) {
    if (closeCode == null) {
      closeCode = code;
      closeReason = reason;
    }
  }

  @Override
  public String remote() {
    return "fake";
  }

  synchronized List<ServerMessage> drain() {
    List<ServerMessage> copy = List.copyOf(sent);
    sent.clear();
    return copy;
  }
}
