/**
 * Benchmarks of the sync engine against a real relay (main classes, not tests): replay of a long
 * offline session and a late joiner's catch-up. The command is in each class's javadoc.
 */
package dev.drawbridge.client.sync.bench;
