/**
 * The picocli command line of the relay server application: {@code serve} (flags and environment
 * variables into a {@link dev.drawbridge.relay.server.ServerConfig}), {@code token} and {@code
 * bench}.
 */
package dev.drawbridge.relay.cli;
