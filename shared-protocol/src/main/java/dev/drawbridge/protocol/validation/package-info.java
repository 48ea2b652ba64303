/**
 * The bounds of protocol v1 and the field checks every record runs in its constructor, so an
 * out-of-range value can neither be decoded from the wire nor built in code and sent.
 */
package dev.drawbridge.protocol.validation;
