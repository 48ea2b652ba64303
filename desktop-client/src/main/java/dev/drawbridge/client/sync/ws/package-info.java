/**
 * The {@code Transport} the app uses: Java-WebSocket's client with the protocol's frame limits, the
 * invite token as an {@code Authorization: Bearer} header, and handshake refusals (HTTP 401, 403,
 * ...) told apart from ordinary closes so the session can stop retrying. It implements the sync
 * package's interfaces; the sync package never names it (the app hands it to each session).
 */
package dev.drawbridge.client.sync.ws;
