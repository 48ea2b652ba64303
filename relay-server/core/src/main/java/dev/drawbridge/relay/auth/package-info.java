/**
 * Who may do what: HS256 tokens naming a room (or "*") and a role, the Origin allow-list checked at
 * the handshake, and token buckets that bound how fast one connection may send. Nothing here knows
 * about sockets or rooms, so every check is a plain function that tests can call directly.
 */
package dev.drawbridge.relay.auth;
