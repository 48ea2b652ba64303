/**
 * The Redis op log: several relays on one Redis, one relay per room at a time (a room moves with
 * 1012 when another relay takes it over). Server application only; it passes the same contract
 * suite as relay-core's SQLite and in-memory logs.
 */
package dev.drawbridge.relay.redis;
