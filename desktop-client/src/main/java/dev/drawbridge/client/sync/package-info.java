/**
 * Keeps a local board in step with its room: the connection state machine, heartbeat, reconnect
 * with backoff and jitter, the offline journal and replay. Headless (no JavaFX); the socket sits
 * behind a Transport interface so every rule is testable with a fake.
 */
package dev.drawbridge.client.sync;
