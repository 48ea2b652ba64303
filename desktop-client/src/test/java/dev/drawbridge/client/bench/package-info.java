/**
 * What the client's benchmarks share: the generated board issue 7's targets are measured on. Not
 * tests; nothing here runs under {@code ./mvnw verify}.
 */
package dev.drawbridge.client.bench;
