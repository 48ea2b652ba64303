/**
 * Blobs on the relay (docs/protocol.md §16, R108–R113), the parts that know nothing of rooms: the
 * bounds ({@link dev.drawbridge.relay.blob.BlobLimits}), one upload being put together and checked
 * ({@link dev.drawbridge.relay.blob.BlobUpload}), the relay-wide bound on bytes held by unfinished
 * uploads ({@link dev.drawbridge.relay.blob.UploadBudget}), and fetches paced against a
 * connection's send queue ({@link dev.drawbridge.relay.blob.BlobFetches} on the one {@link
 * dev.drawbridge.relay.blob.BlobSender} thread), so a picture never holds ops up nor makes its
 * receiver look like a slow consumer (R24). Rooms use them; they use only the op log.
 */
package dev.drawbridge.relay.blob;
