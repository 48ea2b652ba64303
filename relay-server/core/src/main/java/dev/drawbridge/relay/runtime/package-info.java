/**
 * Starting and stopping a relay core: {@link dev.drawbridge.relay.runtime.RelayConfig} (every limit
 * in one record) and {@link dev.drawbridge.relay.runtime.Relay}, which wires the op log, the rooms,
 * their timers and snapshot worker, and the WebSocket server, and closes them in order. The desktop
 * app's "Host on this computer" and the server application's {@code serve} both start one.
 */
package dev.drawbridge.relay.runtime;
