/**
 * The board as a deterministic function of its ops: {@code BoardState} (the reducer and the board
 * hash) and {@code BoardSnapshot} (the whole board at a seq, for catch-up and caches).
 */
package dev.drawbridge.protocol.board;
