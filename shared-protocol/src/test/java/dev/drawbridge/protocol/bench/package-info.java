/**
 * JMH benchmarks for the protocol and the reducer (issue 7 targets: apply ≥ 1,000,000 ops/s, codec
 * ≥ 200,000 messages/s, hash of 10,000 elements ≤ 5 ms). Run with {@code ./mvnw -pl shared-protocol
 * -Pbench test}; they never run under {@code verify}. Figures: docs/performance.md.
 */
package dev.drawbridge.protocol.bench;
