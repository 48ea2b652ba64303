/**
 * The relay server application around relay-core's {@link dev.drawbridge.relay.runtime.Relay}:
 * {@link dev.drawbridge.relay.server.ServerConfig} (the core's settings plus the op log choice and
 * the metrics endpoint), {@link dev.drawbridge.relay.server.RelayServer} (Prometheus meters, the
 * Redis op log when asked, {@code /healthz} and {@code /metrics}, one graceful close), {@link
 * dev.drawbridge.relay.server.RelayLogging} (the log set-up, in code).
 */
package dev.drawbridge.relay.server;
