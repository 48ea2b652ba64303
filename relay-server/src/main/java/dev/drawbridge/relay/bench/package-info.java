/**
 * The load generator behind {@code relay-server bench}: WebSocket clients on one selector thread
 * that speak the protocol to one given relay (or, with {@code --target raw}, send the same op
 * frames to a plain broadcast relay such as the Node {@code ws} seed relay), send ops at a fixed
 * rate, and measure what comes back — lost and duplicated deliveries and the delivery latency
 * distribution — plus idle and stalled connections for the memory and slow-consumer figures. Every
 * loop is bounded in count and time.
 */
package dev.drawbridge.relay.bench;
