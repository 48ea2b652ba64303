/**
 * The load generator behind {@code relay-server bench}: real WebSocket clients that speak the
 * protocol to one given relay, send ops at a fixed rate, and measure what comes back — lost and
 * duplicated deliveries and the delivery latency distribution. Every loop is bounded in count and
 * time.
 */
package dev.drawbridge.relay.bench;
