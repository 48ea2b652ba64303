/** JMH benchmarks of the client's model (run with {@code -Pbench}; never by {@code verify}). */
package dev.drawbridge.client.model.bench;
