package dev.drawbridge.relay.oplog;

/**
 * A blob a room holds (R108): what kind of image file it is and how many bytes it has. Its bytes
 * are read in ranges ({@link OpLog#readBlob}), so a fetch never needs the whole file in memory.
 *
 * @param mime the media type it was uploaded with (checked against its header, R113)
 * @param size its length in bytes
 */
public record StoredBlob(String mime, long size) {

  /** The part of the blob a read of {@code length} bytes from {@code offset} gets. */
  public record Range(long from, int length) {}

  /**
   * The blob {@code blob} of {@code room} in {@code log}, or {@link OpLogException} when the room
   * does not hold it, and the part of it to read: the logs' {@link OpLog#readBlob} starts here.
   */
  public static Range rangeOf(OpLog log, String room, String blob, long offset, int length) {
    long size =
        log.blob(room, blob)
            .orElseThrow(() -> new OpLogException("no blob " + blob + " in " + room, null))
            .size();
    long from = Math.min(Math.max(offset, 0), size);
    return new Range(from, (int) Math.max(0, Math.min(length, size - from)));
  }
}
