package dev.drawbridge.protocol.blob;

import java.util.Optional;

/**
 * An image file's format and pixel size, read from its first bytes without decoding it (R110). The
 * relay refuses a blob whose header it cannot read or whose size is over the limit, so a file that
 * claims 100,000 × 100,000 pixels is turned away before anyone tries to decode it; clients read the
 * same header before they decode.
 *
 * @param format what the bytes are, whatever the sender called them
 * @param width pixels across, as the header declares
 * @param height pixels down, as the header declares
 */
public record ImageHeader(ImageFormat format, long width, long height) {

  /** The header of {@code bytes}, or empty when they are not a PNG, JPEG, GIF, BMP or WebP. */
  public static Optional<ImageHeader> read(byte[] bytes) {
    try {
      return Optional.ofNullable(parse(bytes));
    } catch (IndexOutOfBoundsException truncated) {
      return Optional.empty();
    }
  }

  /** Whether both sides are between 1 and {@code maxSide} pixels. */
  public boolean fitsWithin(long maxSide) {
    return width >= 1 && height >= 1 && width <= maxSide && height <= maxSide;
  }

  private static ImageHeader parse(byte[] b) {
    if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      // The first chunk must be IHDR: width and height as 32-bit big-endian numbers.
      if (!startsWith(b, 12, 'I', 'H', 'D', 'R')) {
        return null;
      }
      return new ImageHeader(ImageFormat.PNG, u32be(b, 16), u32be(b, 20));
    }
    if (startsWith(b, 0, 'G', 'I', 'F', '8') && (b[4] == '7' || b[4] == '9') && b[5] == 'a') {
      return new ImageHeader(ImageFormat.GIF, u16le(b, 6), u16le(b, 8));
    }
    if (startsWith(b, 0, 'B', 'M')) {
      long dibSize = u32le(b, 14);
      if (dibSize == 12) {
        return new ImageHeader(ImageFormat.BMP, u16le(b, 18), u16le(b, 20));
      }
      // A negative height means rows are stored top-down; the size is its magnitude.
      int width = (int) u32le(b, 18);
      int height = (int) u32le(b, 22);
      return new ImageHeader(ImageFormat.BMP, width, Math.abs((long) height));
    }
    if (startsWith(b, 0, 0xFF, 0xD8)) {
      return jpeg(b);
    }
    if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
      return webp(b);
    }
    return null;
  }

  /** Walks the JPEG segments to the first start-of-frame, which holds the size. */
  private static ImageHeader jpeg(byte[] b) {
    int at = 2;
    while (true) {
      if ((b[at] & 0xFF) != 0xFF) {
        return null;
      }
      int marker = b[at + 1] & 0xFF;
      if (marker == 0xFF) {
        at++; // fill byte
        continue;
      }
      if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
        at += 2; // markers without a length
        continue;
      }
      boolean startOfFrame =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (startOfFrame) {
        return new ImageHeader(ImageFormat.JPEG, u16be(b, at + 7), u16be(b, at + 5));
      }
      if (marker == 0xD9 || marker == 0xDA) {
        return null; // end of image or start of scan before any frame header
      }
      int length = u16be(b, at + 2);
      if (length < 2) {
        return null;
      }
      at += 2 + length;
    }
  }

  private static ImageHeader webp(byte[] b) {
    int data = 20;
    if (startsWith(b, 12, 'V', 'P', '8', ' ')) {
      if (!startsWith(b, data + 3, 0x9D, 0x01, 0x2A)) {
        return null;
      }
      return new ImageHeader(
          ImageFormat.WEBP, u16le(b, data + 6) & 0x3FFF, u16le(b, data + 8) & 0x3FFF);
    }
    if (startsWith(b, 12, 'V', 'P', '8', 'L')) {
      if ((b[data] & 0xFF) != 0x2F) {
        return null;
      }
      long bits = u32le(b, data + 1);
      return new ImageHeader(ImageFormat.WEBP, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
    }
    if (startsWith(b, 12, 'V', 'P', '8', 'X')) {
      return new ImageHeader(ImageFormat.WEBP, u24le(b, data + 4) + 1, u24le(b, data + 7) + 1);
    }
    return null;
  }

  private static boolean startsWith(byte[] b, int at, int... expected) {
    for (int i = 0; i < expected.length; i++) {
      if ((b[at + i] & 0xFF) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static int u16be(byte[] b, int at) {
    return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
  }

  private static int u16le(byte[] b, int at) {
    return b[at] & 0xFF | (b[at + 1] & 0xFF) << 8;
  }

  private static long u24le(byte[] b, int at) {
    return b[at] & 0xFF | (b[at + 1] & 0xFF) << 8 | (long) (b[at + 2] & 0xFF) << 16;
  }

  private static long u32be(byte[] b, int at) {
    return (long) u16be(b, at) << 16 | u16be(b, at + 2);
  }

  private static long u32le(byte[] b, int at) {
    return u16le(b, at) | (long) u16le(b, at + 2) << 16;
  }
}
