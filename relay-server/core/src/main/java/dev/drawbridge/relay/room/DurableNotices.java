package dev.drawbridge.relay.room;

import dev.drawbridge.protocol.message.ServerMessage;
import java.util.function.Function;

/**
 * Gathers {@code durable{seq}} notices into rounds (R26, ADR 0006): one notice covers every commit
 * since the last round, and an author who never pauses still hears of its older ops. A notice per
 * op and author was a separate send each, ~4 % of the relay's CPU. Not thread-safe: guarded by the
 * room's monitor (transport threads and the op log's writer thread owe a round, the room-timers
 * thread sends it).
 */
final class DurableNotices {
  /** Whether a notice may be owed to someone: the durable seq moved, or a member waits for more. */
  private boolean owed;

  void owe() {
    owed = true;
  }

  /** Sends {@code durable{durable}} to every member still waiting to hear of some of its ops. */
  void sendRound(Iterable<Member> members, long durable, Function<ServerMessage, Outbound> encode) {
    if (!owed) {
      return;
    }
    owed = false;
    Outbound notice = null;
    for (Member m : members) {
      if (m.awaitsDurableNotice(durable)) {
        if (notice == null) {
          notice = encode.apply(new ServerMessage.Durable(durable));
        }
        m.deliver(notice);
        m.toldDurable(durable);
      }
    }
  }
}
