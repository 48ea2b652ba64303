/**
 * Blobs: the bytes of images, named by their SHA-256 ({@link BlobIds}), sent in chunks ({@link
 * BlobChunks}) and checked by their header without decoding ({@link ImageHeader}) —
 * docs/protocol.md section 16 (R107–R115).
 */
package dev.drawbridge.protocol.blob;
