package dev.drawbridge.client.sync;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A transport driven by the test: it decides when a connection opens, what arrives, and drops. */
final class FakeTransport implements Transport {
  private final ProtocolCodec codec = new ProtocolCodec();
  final List<ClientMessage> sent = new ArrayList<>();
  final List<URI> connects = new ArrayList<>();
  final List<Map<String, String>> headers = new ArrayList<>();
  int closes;
  private TransportListener listener;
  private boolean open;

  @Override
  public void connect(URI uri, Map<String, String> headers, TransportListener listener) {
    connects.add(uri);
    this.headers.add(headers);
    this.listener = listener;
    open = false;
  }

  @Override
  public boolean send(String text) {
    if (!open) {
      return false;
    }
    try {
      sent.add(codec.decodeClient(text));
    } catch (ProtocolException e) {
      throw new AssertionError("the client sent an invalid frame: " + text, e);
    }
    return true;
  }

  @Override
  public void close(int code, String reason) {
    closes++;
    open = false;
  }

  // ---- test side ----

  void open() {
    open = true;
    listener.onOpen();
  }

  void receive(ServerMessage message) {
    listener.onMessage(codec.encode(message));
  }

  void receiveRaw(String text) {
    listener.onMessage(text);
  }

  void dropFromServer(int code, String reason) {
    open = false;
    listener.onClosed(code, reason, true);
  }

  void failToConnect(ConnectFailure failure) {
    open = false;
    listener.onConnectFailed(failure, "Connection refused");
  }

  void rejectHandshake(int status) {
    open = false;
    listener.onHandshakeRejected(status, "Invalid status code received: " + status);
  }

  boolean isOpen() {
    return open;
  }

  /** Sent messages of one type, in order. */
  <T extends ClientMessage> List<T> sent(Class<T> type) {
    return sent.stream().filter(type::isInstance).map(type::cast).toList();
  }

  void clearSent() {
    sent.clear();
  }
}
