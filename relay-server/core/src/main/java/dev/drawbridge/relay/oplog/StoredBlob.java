package dev.drawbridge.relay.oplog;

/**
 * A blob a room holds (R108): what kind of image file it is and how many bytes it has. Its bytes
 * are read in ranges ({@link OpLog#readBlob}), so a fetch never needs the whole file in memory.
 *
 * @param mime the media type it was uploaded with (checked against its header, R113)
 * @param size its length in bytes
 */
public record StoredBlob(String mime, long size) {}
