/**
 * End-to-end sync tests on real sockets against a real relay (in-process, or a separate JVM that is
 * SIGKILLed): relay crash, client crash, black-holed paths, and a fault-injecting proxy. Each
 * checks the relay's op log afterwards: every op drawn is stored exactly once.
 */
package dev.drawbridge.client.sync.it;
