package dev.drawbridge.relay.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.ProtocolVersion;
import dev.drawbridge.protocol.blob.BlobIds;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ImageRef;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.relay.auth.Grant;
import dev.drawbridge.relay.auth.Role;
import dev.drawbridge.relay.oplog.OpLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Blobs in a room without the network (R110, R111, R113): what the relay answers and keeps. */
class BlobRoomTest {
  /** The smallest GIF header: 3 × 2 pixels, which is all a header check reads. */
  private static final byte[] GIF = {'G', 'I', 'F', '8', '9', 'a', 3, 0, 2, 0, 0, 0, 0, ';'};

  private static Session join(RoomRegistry registry, FakeSocket socket) {
    Session s = registry.open("room", socket, new Grant(Role.EDITOR, null));
    s.receive(new ClientMessage.Hello(ProtocolVersion.CURRENT, "a", "a", "#112233", 0), 100);
    socket.drain();
    return s;
  }

  private static ClientMessage.BlobPut put(byte[] bytes) {
    return new ClientMessage.BlobPut(BlobIds.of(bytes), "image/gif", bytes.length, 0, bytes);
  }

  /** A log that cannot store blobs (the default of the contract: a full disk looks the same). */
  @Test
  void r113_aStorageFailureIsBusyAndGivesBackWhatTheUploadHeld() {
    OpLog failing = new HeldOpLog();
    RoomRegistry registry =
        new RoomRegistry(failing, RoomLimits.defaults(), new SimpleMeterRegistry());
    FakeSocket socket = new FakeSocket();
    Session s = join(registry, socket);
    s.receive(put(GIF), 100);
    ServerMessage.BlobRefused refused = (ServerMessage.BlobRefused) socket.drain().getFirst();
    assertThat(refused.reason()).isEqualTo("busy");
    assertThat(refused.retryAfterMs()).isPositive();
    assertThat(registry.uploadBytesHeld()).isZero();
  }

  @Test
  void r111_anImageAddIsSequencedOnlyOnceItsBlobIsStored() {
    RoomRegistry registry =
        new RoomRegistry(
            new dev.drawbridge.relay.oplog.InMemoryOpLog(),
            RoomLimits.defaults(),
            new SimpleMeterRegistry());
    FakeSocket socket = new FakeSocket();
    Session s = join(registry, socket);
    ImageRef ref = new ImageRef(BlobIds.of(GIF), "image/gif", 3, 2);
    ClientMessage.SubmitOp add =
        new ClientMessage.SubmitOp(
            "op", new Op.AddElement(Element.ofImage("e", 0, 0, 3, 2, ref, 1)));
    s.receive(add, 100);
    assertThat(socket.drain()).containsExactly(new ServerMessage.Nack("op", "missing_blob", 0));
    s.receive(put(GIF), 100);
    assertThat(socket.drain()).containsExactly(new ServerMessage.BlobStored(BlobIds.of(GIF)));
    s.receive(add, 100);
    assertThat(socket.drain()).containsExactly(new ServerMessage.Ack("op", 1, false));
    assertThat(registry.uploadBytesHeld()).isZero();
  }
}
