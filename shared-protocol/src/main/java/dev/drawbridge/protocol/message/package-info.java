/**
 * Protocol v1 as data: every message a client or the relay may send is a record in the sealed
 * {@code ClientMessage} or {@code ServerMessage}; the JSON {@code type} names the record.
 */
package dev.drawbridge.protocol.message;
