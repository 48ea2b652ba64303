/**
 * The WebSocket transport (Java-WebSocket): checks each handshake (path, Origin, token, connections
 * per IP) and answers refusals with a real HTTP status, decodes text frames with the shared codec,
 * and hands decoded messages to the room's {@link dev.drawbridge.relay.room.Session}. It holds no
 * room logic. Outgoing messages are framed once and the same bytes are queued to every receiver,
 * with a cap on each connection's unsent bytes.
 */
package dev.drawbridge.relay.net;
