/**
 * Running the relay: {@link dev.drawbridge.relay.ops.RelayConfig} (every limit in one record),
 * {@link dev.drawbridge.relay.ops.Relay} (start, port, graceful close — also what the desktop app
 * embeds for "Host on this computer"), the health and Prometheus metrics endpoint, and the picocli
 * command line ({@code serve}, {@code token}, {@code bench}).
 */
package dev.drawbridge.relay.ops;
