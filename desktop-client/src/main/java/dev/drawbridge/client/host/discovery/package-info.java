/**
 * "Boards on your network": DNS-SD over mDNS (JmDNS) for boards hosted with "Anyone on this network
 * can join". {@code BoardAnnouncer} registers a hosted board as a {@code _drawbridge._tcp} service
 * whose TXT record carries the room, the host's name, the people count and an editor token for that
 * one room; {@code BoardBrowser} lists what others announce. Everything read from the network goes
 * through {@code NetworkBoard.read}, which drops or clips what is malformed or too large, so a
 * hostile record never reaches the screen. No JavaFX: listeners are called on JmDNS's threads and
 * the caller hands the result to the UI.
 */
package dev.drawbridge.client.host.discovery;
