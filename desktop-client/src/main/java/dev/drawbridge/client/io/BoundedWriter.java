package dev.drawbridge.client.io;

import java.io.IOException;
import java.io.Writer;

/** A writer that fails once more than {@code max} characters were written to it. */
final class BoundedWriter extends Writer {
  /** Thrown when the bound is passed. */
  static final class Full extends IOException {
    private static final long serialVersionUID = 1L;

    Full() {
      super("more than the bound");
    }
  }

  private final Writer out;
  private final long max;
  private long written;

  BoundedWriter(Writer out, long max) {
    this.out = out;
    this.max = max;
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    written += len;
    if (written > max) {
      throw new Full();
    }
    out.write(buf, off, len);
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
