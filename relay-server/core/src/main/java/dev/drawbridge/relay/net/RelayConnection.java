package dev.drawbridge.relay.net;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.function.Consumer;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketListener;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.WrappedByteChannel;
import org.java_websocket.drafts.Draft;
import org.java_websocket.enums.HandshakeState;
import org.java_websocket.enums.ReadyState;
import org.java_websocket.enums.Role;
import org.java_websocket.exceptions.IncompleteHandshakeException;
import org.java_websocket.exceptions.InvalidHandshakeException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;

/**
 * One client connection. Until it is admitted it reads its request head itself (at most 16 KiB,
 * R73), has the relay check it, and answers a refusal with exactly one response (R74); from accept
 * to close it counts against an address's connection limit (R22). Java-WebSocket alone re-parses
 * and buffers a request head without limit, follows the relay's refusal with its own 404, and never
 * closes a socket whose handshake it did not finish.
 */
final class RelayConnection extends WebSocketImpl {

  /** What the relay decides about a connection's request. */
  interface Admission {
    /** Admits {@code request} (R1–R4, R22) or throws the refusal to answer it with. */
    void admit(RelayConnection conn, ClientHandshake request) throws HandshakeRefusal;

    /** The refusal of a request head over {@link RequestHead#MAX_BYTES} (R73). */
    HandshakeRefusal tooLarge(RelayConnection conn);

    /** The refusal of bytes that cannot start an HTTP request, e.g. a TLS ClientHello (R73). */
    HandshakeRefusal notHttp(RelayConnection conn);
  }

  private final List<Draft> drafts;
  private final Admission admission;
  private final long acceptedAt = System.nanoTime();
  // Only the connection's worker thread decodes; null once the head is read.
  private RequestHead head = new RequestHead();
  // Guarded by this, like the library's own close.
  private InetAddress countedAs;

  RelayConnection(WebSocketListener listener, List<Draft> drafts, Admission admission) {
    super(listener, drafts);
    this.drafts = drafts;
    this.admission = admission;
  }

  @Override
  public void decode(ByteBuffer bytes) {
    if (head == null) {
      if (getReadyState() == ReadyState.NOT_YET_CONNECTED) {
        bytes.position(bytes.limit()); // refused: the rest of the request is not read
      } else {
        super.decode(bytes);
      }
      return;
    }
    // Under the connection's monitor, so a close from another thread (the deadline, shutdown)
    // cannot land halfway through opening.
    synchronized (this) {
      if (getReadyState() != ReadyState.NOT_YET_CONNECTED) {
        bytes.position(bytes.limit()); // closed meanwhile
        return;
      }
      switch (head.append(bytes)) {
        case INCOMPLETE -> {
          return;
        }
        case TOO_LARGE -> {
          refuse(admission.tooLarge(this), bytes);
          return;
        }
        case NOT_HTTP -> {
          refuse(admission.notHttp(this), bytes);
          return;
        }
        case COMPLETE -> {}
      }
      ByteBuffer request = head.bytes();
      head = null;
      ClientHandshake upgrade = upgradeRequest(request.duplicate());
      if (upgrade != null) {
        try {
          admission.admit(this, upgrade);
        } catch (HandshakeRefusal refusal) {
          refuse(refusal, bytes);
          return;
        }
      }
      // The library parses the head once more, then answers 101 and opens the connection (or
      // answers 404 itself to what is no upgrade a draft accepts).
      super.decode(request);
    }
    if (bytes.hasRemaining() && getReadyState() == ReadyState.OPEN) {
      super.decode(bytes); // frames sent right behind the request
    }
  }

  /** {@code request} as an upgrade one of the drafts accepts, or null. */
  private ClientHandshake upgradeRequest(ByteBuffer request) {
    for (Draft known : drafts) {
      Draft draft = known.copyInstance();
      draft.setParseMode(Role.SERVER);
      try {
        if (draft.translateHandshake(request.duplicate()) instanceof ClientHandshake upgrade
            && draft.acceptHandshakeAsServer(upgrade) == HandshakeState.MATCHED) {
          return upgrade;
        }
      } catch (InvalidHandshakeException | IncompleteHandshakeException e) {
        // not an upgrade this draft accepts
      }
    }
    return null;
  }

  private void refuse(HandshakeRefusal refusal, ByteBuffer unread) {
    head = null;
    unread.position(unread.limit());
    outQueue.add(refusal.response());
    flushAndClose(CloseFrame.NEVER_CONNECTED, refusal.getMessage(), false);
  }

  /**
   * Closes the socket once its refusal is written; true if it did. Java-WebSocket only closes after
   * flushing for a connection it opened.
   */
  synchronized boolean closeIfRefusalWritten() {
    boolean written =
        outQueue.isEmpty()
            && !(getChannel() instanceof WrappedByteChannel tls && tls.isNeedWrite());
    if (getReadyState() != ReadyState.NOT_YET_CONNECTED || !isFlushAndClose() || !written) {
      return false;
    }
    closeConnection();
    return true;
  }

  /** Closes the socket if its handshake has not finished {@code timeoutNanos} after accept. */
  synchronized boolean closeIfUnfinished(long now, long timeoutNanos) {
    if (getReadyState() != ReadyState.NOT_YET_CONNECTED || now - acceptedAt < timeoutNanos) {
      return false;
    }
    closeConnection(CloseFrame.NEVER_CONNECTED, "handshake timeout", false);
    return true;
  }

  /** Counts this connection against {@code address} instead of where it counted until now. */
  synchronized void countAgainst(ConnectionsPerAddress counts, InetAddress address) {
    if (address.equals(countedAs)) {
      return;
    }
    uncount(counts);
    counts.add(address);
    countedAs = address;
  }

  synchronized void uncount(ConnectionsPerAddress counts) {
    if (countedAs != null) {
      counts.remove(countedAs);
      countedAs = null;
    }
  }

  /**
   * Makes relay connections; {@code channels} wraps their sockets (plain TCP or TLS), and {@code
   * accepted} learns of each one as soon as it has a socket.
   */
  static final class Factory implements WebSocketServerFactory {
    private final WebSocketServerFactory channels;
    private final Admission admission;
    private final Consumer<RelayConnection> accepted;

    Factory(
        WebSocketServerFactory channels, Admission admission, Consumer<RelayConnection> accepted) {
      this.channels = channels;
      this.admission = admission;
      this.accepted = accepted;
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter a, Draft d) {
      return new RelayConnection(a, List.of(d), admission);
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter a, List<Draft> drafts) {
      return new RelayConnection(a, drafts, admission);
    }

    @Override
    public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) throws IOException {
      ByteChannel wrapped = channels.wrapChannel(channel, key);
      if (key.attachment() instanceof RelayConnection conn) {
        accepted.accept(conn);
      }
      return wrapped;
    }

    @Override
    public void close() {
      channels.close();
    }
  }
}
