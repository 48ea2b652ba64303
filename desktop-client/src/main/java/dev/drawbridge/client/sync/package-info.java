/**
 * Keeps a local board in step with its room: the connection state machine, heartbeat, reconnect
 * with backoff and jitter, the offline journal and replay. Headless (no JavaFX). The socket sits
 * behind a {@link dev.drawbridge.client.sync.Transport} handed in by whoever opens a session (the
 * app passes the Java-WebSocket one, tests pass fakes): this package knows no transport
 * implementation, so every rule is testable without a network.
 *
 * <p>On disk, each shared board has a folder ({@link dev.drawbridge.client.sync.BoardDirectory}):
 * {@code client-id} and {@code client-key} (the secret behind the id, docs/protocol.md R80), {@code
 * journal.jsonl} (every local op, fsync'd before it is sent; acks appended) and {@code
 * confirmed.json} (the confirmed board, written atomically every few seconds and on close).
 * Reopening a board shows the cached board plus the journal's unacknowledged ops at once, then
 * connects, catches up and resends them with their original ids.
 *
 * <p>Pictures (docs/protocol.md §16) live in the app-wide {@link
 * dev.drawbridge.client.blob.BlobStore} under {@code <home>/blobs}, written before the op that
 * shows one is journaled; an image add goes out only after its blob was uploaded and confirmed on
 * the connection, and a shared board fetches the pictures it lacks on demand.
 */
package dev.drawbridge.client.sync;
