package dev.drawbridge.relay.room;

import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.relay.auth.Grant;
import dev.drawbridge.relay.blob.BlobSender;
import dev.drawbridge.relay.blob.UploadBudget;
import dev.drawbridge.relay.oplog.OpLog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open rooms by name. A room is loaded from the op log when its first connection arrives and
 * forgotten when its last one leaves and nothing it wrote is still waiting for the disk (forgetting
 * it earlier would let a reloaded room reuse a seq). Each room's {@link ClientKeys} outlive it, for
 * the {@value #REMEMBERED_ROOMS} rooms opened most recently: a member's id stays claimed while the
 * room is empty (R80).
 */
public final class RoomRegistry {
  private static final Logger log = LoggerFactory.getLogger(RoomRegistry.class);

  private final OpLog opLog;
  private final RoomLimits limits;
  private final RoomMetrics metrics;
  private final Executor snapshotWorker;
  private final ProtocolCodec codec = new ProtocolCodec();
  private final Map<String, Room> rooms = new HashMap<>();
  private final UploadBudget uploadBudget;
  private final BlobSender blobSender = new BlobSender();
  private final BlobSender historySender = new BlobSender("history-sender");
  private final LongSupplier clock;

  /** Bounds what hellos can make the registry remember: at most ~1,000 ids per room (R85). */
  static final int REMEMBERED_ROOMS = 1_024;

  // Access order: opening a room makes its keys the last to be forgotten.
  private final Map<String, ClientKeys> keys =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ClientKeys> eldest) {
          return size() > REMEMBERED_ROOMS;
        }
      };

  /** Snapshots are taken on the thread that completes an op (unit tests, tools). */
  public RoomRegistry(OpLog opLog, RoomLimits limits, MeterRegistry meters) {
    this(opLog, limits, meters, Runnable::run);
  }

  /**
   * {@code snapshotWorker} sorts, encodes and saves board snapshots away from the rooms' ordering
   * path; it must run one task at a time, so a room's snapshots are saved in seq order.
   */
  public RoomRegistry(
      OpLog opLog, RoomLimits limits, MeterRegistry meters, Executor snapshotWorker) {
    this(opLog, limits, meters, snapshotWorker, System::currentTimeMillis);
  }

  /** Ops are stamped with {@code clock}, epoch milliseconds (R116): tests pass their own. */
  public RoomRegistry(
      OpLog opLog,
      RoomLimits limits,
      MeterRegistry meters,
      Executor snapshotWorker,
      LongSupplier clock) {
    this.clock = clock;
    this.opLog = opLog;
    this.snapshotWorker = snapshotWorker;
    this.limits = limits;
    this.metrics = new RoomMetrics(meters);
    this.uploadBudget = new UploadBudget(limits.blobs().maxUploadBytesHeld());
    Gauge.builder("drawbridge.rooms", this, RoomRegistry::roomCount)
        .description("rooms in memory")
        .register(meters);
  }

  public RoomMetrics metrics() {
    return metrics;
  }

  /**
   * Attaches a new connection to {@code roomName}. Returns null after closing the socket with 4010
   * when a new room would exceed the room limit (R22).
   */
  public Session open(String roomName, ClientSocket socket, Grant grant) {
    Room room;
    synchronized (this) {
      room = rooms.get(roomName);
      if (room != null && room.failed()) {
        // Its members were closed with 1011; reconnects start from what the log really holds.
        rooms.remove(roomName);
        room = null;
      }
      if (room == null) {
        if (rooms.size() >= limits.maxRooms()) {
          rooms.values().removeIf(Room::idle);
        }
        if (rooms.size() >= limits.maxRooms()) {
          metrics.rejected("too_many_rooms");
          log.atWarn()
              .addKeyValue("room", roomName)
              .addKeyValue("remote", socket.remote())
              .addKeyValue("reason", "too_many_rooms")
              .log("connection refused");
          socket.close(CloseCodes.ROOM_FULL, "too many rooms");
          return null;
        }
        ClientKeys roomKeys = keys.computeIfAbsent(roomName, n -> new ClientKeys());
        room =
            new Room(
                roomName,
                opLog,
                codec,
                limits,
                metrics,
                snapshotWorker,
                roomKeys,
                uploadBudget,
                blobSender,
                historySender,
                clock);
        rooms.put(roomName, room);
      }
      keys.get(roomName); // counts as use: a busy room's keys are not the eldest
      // Attach inside the registry lock so the room cannot be forgotten in between.
      Room target = room;
      return room.attach(socket, grant, () -> forgetIfIdle(target));
    }
  }

  private synchronized void forgetIfIdle(Room room) {
    if (rooms.get(room.name()) == room && room.idle()) {
      rooms.remove(room.name());
    }
  }

  /**
   * For an op log shared with other relays: hands over the rooms another relay has claimed or
   * written since ({@link Room#checkSharedLog}). Run every few seconds; a log that cannot be read
   * now is asked again next time.
   */
  public void checkSharedLog() {
    for (Room room : openRooms()) {
      try {
        room.checkSharedLog(opLog.holds(room.name()), opLog.headSeq(room.name()));
      } catch (RuntimeException e) {
        log.atWarn().addKeyValue("room", room.name()).setCause(e).log("shared log check failed");
      }
    }
  }

  /** Tells members of every room whose ops became durable since the last call (R26). */
  public void sendDurableNotices() {
    for (Room room : openRooms()) {
      room.sendDurableNotices();
    }
  }

  /** The rooms in memory now, to visit outside the registry's lock. */
  private synchronized List<Room> openRooms() {
    return List.copyOf(rooms.values());
  }

  /** Stops sending fetched blobs and history (the relay is closing; its connections are gone). */
  public void close() {
    blobSender.close();
    historySender.close();
  }

  /** Bytes held by unfinished uploads now (tests: a closed upload leaves nothing, R110). */
  public long uploadBytesHeld() {
    return uploadBudget.held();
  }

  public synchronized int roomCount() {
    return rooms.size();
  }

  /** The seq of the room's newest saved snapshot, 0 for none, -1 when it is not in memory. */
  public long snapshotSeq(String roomName) {
    Room room;
    synchronized (this) {
      room = rooms.get(roomName);
    }
    return room == null ? -1 : room.snapshotSeq();
  }

  /** The room's durable head, or -1 when it is not in memory (tests, diagnostics). */
  public long headSeq(String roomName) {
    Room room;
    synchronized (this) {
      room = rooms.get(roomName);
    }
    return room == null ? -1 : room.headSeq();
  }
}
