/**
 * Invite links: one string that carries everything needed to open a shared board (relay address,
 * TLS or not, room, and the token when the relay needs one). Grammar in docs/invite-links.md.
 */
package dev.drawbridge.client.invite;
