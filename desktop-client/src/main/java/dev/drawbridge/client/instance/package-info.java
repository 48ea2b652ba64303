/**
 * One running app per home directory: the first launch holds a lock and listens on a loopback port
 * named in the home directory; a later launch with an invite link or a board file hands it over
 * there and exits (ADR 0009). Plain Java, no screen: tested with two instances in one JVM and with
 * a killed holder in another.
 */
package dev.drawbridge.client.instance;
