package dev.drawbridge.relay.room;

import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.Peer;
import dev.drawbridge.relay.auth.Grant;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection's place in its room from the accepted hello on (tldraw's per-session room state):
 * who it is, which broadcasts are its to receive, what it waits to hear is durable (R26), and what
 * was broadcast to it while its catch-up was still being sent (R11, R25).
 *
 * <p>Only this class writes these fields. The room calls it under the room's monitor: transport
 * threads (hello, submit, presence, leave), the room-timers thread (durable notices) and the op
 * log's writer thread (a failed write closes every member). {@link #peer} is final and the member
 * is published through a volatile field of its {@link Session}, which reads it without that lock.
 */
final class Member {
  private final Session session;
  private final Peer peer;

  /** The head when it joined: its catch-up covers every seq up to it, broadcasts the rest. */
  private final long joinedAt;

  /** The highest seq it waits to hear is durable: its own acked ops, or its hello's lastSeq. */
  private long durableWanted;

  /** The highest {@code durable{seq}} sent to it. */
  private long durableSent;

  /** Non-null while its catch-up is being sent: what the room broadcast meanwhile, in order. */
  private List<Outbound> backlog = new ArrayList<>();

  /**
   * Joins at {@code head}. The catch-up tells it {@code durable} once after synced; it hears of
   * durability again when its own ops, or those up to its {@code lastSeq} still waiting for the
   * disk, are stored.
   */
  Member(Session session, Peer peer, long head, long durable, long lastSeq) {
    this.session = session;
    this.peer = peer;
    this.joinedAt = head;
    this.durableSent = durable;
    this.durableWanted = Math.min(lastSeq, head);
  }

  /** Who a hello says it is; a name the token grants wins, cut to 64 characters (R60). */
  static Peer peerOf(Grant grant, ClientMessage.Hello hello) {
    String name = grant.name() != null ? grant.name() : hello.name();
    if (name.length() > 64) {
      name = name.substring(0, 64);
    }
    return new Peer(hello.clientId(), name, hello.color(), grant.role().wireName());
  }

  Session session() {
    return session;
  }

  Peer peer() {
    return peer;
  }

  String clientId() {
    return peer.clientId();
  }

  /**
   * Whether the broadcast of {@code seq} is this member's to receive (its catch-up ends before).
   */
  boolean receivesBroadcastOf(long seq) {
    return joinedAt < seq;
  }

  /** Sends, or buffers while the catch-up is still being sent. */
  void deliver(Outbound message) {
    if (backlog != null) {
      backlog.add(message);
    } else {
      session.send(message);
    }
  }

  /** The catch-up is sent: sends what was broadcast meanwhile, then delivers directly. */
  void goLive() {
    List<Outbound> buffered = backlog;
    backlog = null;
    if (buffered != null) {
      buffered.forEach(session::send);
    }
  }

  /** It waits to hear that every op up to {@code seq} is durable (its own op, acked). */
  void awaitDurable(long seq) {
    durableWanted = Math.max(durableWanted, seq);
  }

  /** Whether a {@code durable{durable}} would tell it something it waits for (R26). */
  boolean awaitsDurableNotice(long durable) {
    return durableWanted > durableSent && durable > durableSent;
  }

  void toldDurable(long durable) {
    durableSent = durable;
  }
}
