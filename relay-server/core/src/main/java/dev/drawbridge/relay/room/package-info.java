/**
 * Rooms: the single ordering point per board. A {@link dev.drawbridge.relay.room.Room} assigns seq
 * 1, 2, 3… under its own lock, has the op log make each op durable, then acks the sender and queues
 * one pre-encoded frame to every other member; it also runs hello/catch-up, presence and
 * joined/left. Rooms see connections only through {@link dev.drawbridge.relay.room.ClientSocket},
 * so they are unit-tested with an in-memory fake and know nothing about WebSockets.
 */
package dev.drawbridge.relay.room;
