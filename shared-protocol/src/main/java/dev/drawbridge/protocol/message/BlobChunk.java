package dev.drawbridge.protocol.message;

/**
 * One chunk of one blob: what {@code blob_put} (R110) and {@code blob_data} (R112) share, so that
 * their checks, equality and log form are written once ({@link BlobChunkFields}).
 */
public sealed interface BlobChunk permits ClientMessage.BlobPut, ServerMessage.BlobData {
  /** The SHA-256 of the whole file (R108). */
  String blob();

  /** The file's media type (R107). */
  String mime();

  /** The whole file's length in bytes. */
  long size();

  /** Where {@link #data} starts in the file. */
  long offset();

  /** 1 to 49,152 bytes of the file. */
  byte[] data();
}
