/**
 * Rooms: the single ordering point per board. A {@link dev.drawbridge.relay.room.Room} assigns seq
 * 1, 2, 3… under its own monitor, acks the sender and queues one pre-encoded frame to every other
 * member at once, and hands the op to the op log, which stores it in the background; members hear
 * {@code durable} once it is stored (R13, R26). It also runs hello and catch-up, presence and
 * joined/left. Its parts, each guarded by the room's monitor unless it says otherwise: {@code
 * Member} (one connection's place in the room), {@code Members}, {@code CatchUp} (what a joiner is
 * owed), {@code UnstoredOps} (ops not yet durable), {@code SequencedIds} (duplicate ids, R15),
 * {@code DurableNotices}, {@code RoomSnapshots}, {@code Refusals}; {@code RoomBlobs} (which images
 * a room holds, R111) and each connection's {@code BlobUploads} (R110) keep their own locks, so
 * blob storage never holds up the room's ops; {@code ClientKeys} (who may use a client id, R80–R85)
 * guards itself, as it outlives its room. Rooms see connections only through {@link
 * dev.drawbridge.relay.room.ClientSocket}, so they are unit-tested with an in-memory fake and know
 * nothing about WebSockets.
 */
package dev.drawbridge.relay.room;
