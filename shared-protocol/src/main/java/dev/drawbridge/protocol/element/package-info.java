/**
 * The element model: what can be on a board (strokes, shapes, text), how it is styled, and the
 * z-order keys that concurrent inserts never collide on. Pure data: records that check their own
 * fields, so an invalid element cannot exist.
 */
package dev.drawbridge.protocol.element;
