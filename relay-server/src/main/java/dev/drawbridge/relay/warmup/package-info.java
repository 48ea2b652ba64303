/**
 * The serve command's warm-up: before the relay opens its port, a throwaway loopback relay runs a
 * short load from the bench's client through the same code, so the first members of a restarted
 * relay are served at warm speed (docs/performance.md, "Cold relay").
 */
package dev.drawbridge.relay.warmup;
