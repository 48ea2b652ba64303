/**
 * The drawing operations: add an element, append points to a live stroke, update properties,
 * delete. Every change to a board, local or remote, undo or redo, is one of these.
 */
package dev.drawbridge.protocol.op;
