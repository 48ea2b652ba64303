package dev.drawbridge.protocol.validation;

/**
 * The documented bounds of protocol v1 (docs/protocol.md R60; R9 for what exceeding one means).
 * Decoding rejects anything beyond them, so neither side ever holds an unbounded value from the
 * network.
 */
public final class ProtocolLimits {
  /** Ids of ops, elements, clients and sessions: {@code [A-Za-z0-9_.:-]{1,64}}. */
  public static final int MAX_ID_LENGTH = 64;

  /** Display names, in UTF-16 chars. */
  public static final int MAX_NAME_LENGTH = 64;

  /** Room names in the handshake URL: {@code [A-Za-z0-9_-]{1,64}}. */
  public static final int MAX_ROOM_NAME_LENGTH = 64;

  /** Characters of one text element. */
  public static final int MAX_TEXT_LENGTH = 10_000;

  /** Points (x,y pairs) carried by one add or append op. */
  public static final int MAX_POINTS_PER_OP = 4_096;

  /** Points one stroke may hold; appends beyond it are dropped by the reducer. */
  public static final int MAX_POINTS_PER_ELEMENT = 20_000;

  /** Element ids in one presence selection. */
  public static final int MAX_SELECTION = 1_000;

  /** Laser trail points in one presence message (R90). */
  public static final int MAX_LASER_POINTS = 64;

  /** Characters of the text draft one presence message shows others (R91). */
  public static final int MAX_DRAFT_LENGTH = 1_000;

  /** Smallest zoom a presence view may carry (R88); clients clamp to what they can show. */
  public static final double MIN_VIEW_ZOOM = 0.01;

  /** Largest zoom a presence view may carry (R88). */
  public static final double MAX_VIEW_ZOOM = 100;

  /** |x|, |y|, |w|, |h| and every point coordinate. */
  public static final double MAX_COORDINATE = 10_000_000;

  /** Stroke width in board units. */
  public static final double MAX_STROKE_WIDTH = 1_000;

  /** Font size in board units. */
  public static final double MAX_FONT_SIZE = 1_000;

  /** Deepest JSON nesting of any valid message (a welcome's snapshot is 5 levels). */
  public static final int MAX_NESTING_DEPTH = 8;

  /** Any single JSON string, before field-specific limits apply. */
  public static final int MAX_JSON_STRING_LENGTH = 64 * 1024;

  /** Largest frame a client may send (close 4009 beyond it). */
  public static final int MAX_CLIENT_FRAME_BYTES = 256 * 1024;

  /** Largest frame a relay sends (a welcome with a snapshot of a big board). */
  public static final int MAX_SERVER_FRAME_BYTES = 64 * 1024 * 1024;

  /**
   * Bytes of one blob chunk (R110, R112): 48 KiB, whose base64 is 65,536 characters, the longest
   * string any frame may hold.
   */
  public static final int MAX_BLOB_CHUNK_BYTES = 48 * 1024;

  /** Pixels on either side of an image a board holds (R107); larger ones are scaled down first. */
  public static final int MAX_IMAGE_SIDE = 4_096;

  /** Most ops a {@code history_get} may ask for and a {@code history} page may hold (R117). */
  public static final int MAX_HISTORY_PAGE_OPS = 2_000;

  private ProtocolLimits() {}
}
