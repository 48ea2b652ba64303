/**
 * The WebSocket transport (Java-WebSocket): reads each request head itself within a size cap and a
 * deadline, checks it (path, Origin, token, open sockets per address) and answers a refusal with
 * exactly one HTTP response before closing, decodes text frames with the shared codec, and hands
 * decoded messages to the room's {@link dev.drawbridge.relay.room.Session}. It holds no room logic.
 * Outgoing messages are framed once and the same bytes are queued to every receiver, with a cap on
 * each connection's unsent bytes.
 */
package dev.drawbridge.relay.net;
