/**
 * Drawbridge protocol v1: the codec, version negotiation, close codes and the one exception a bad
 * frame produces. Depends on Jackson only; docs/protocol.md is the specification.
 */
package dev.drawbridge.protocol;
