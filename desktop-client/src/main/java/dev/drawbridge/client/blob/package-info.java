/**
 * Image bytes on this machine: the content-addressed store every board of the app shares ({@link
 * BlobStore}), the size cap on the copies fetched from relays ({@link BlobCacheLimit}), and where
 * the canvas asks for the bytes of a picture ({@link BlobSource}). docs/protocol.md §16 names blobs
 * by their SHA-256.
 */
package dev.drawbridge.client.blob;
