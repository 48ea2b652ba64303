/** JMH benchmarks of the board's history (run with {@code -Pbench}; never by {@code verify}). */
package dev.drawbridge.client.history.bench;
