package dev.drawbridge.client.diag;

import dev.drawbridge.protocol.BuildInfo;
import dev.drawbridge.protocol.ProtocolVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * "Copy diagnostics": the app and protocol versions, the Java runtime and the system, where the log
 * is, and its last lines, redacted ({@link Redaction}), ready to paste into a bug report.
 */
public final class Diagnostics {
  /** Enough to see what led to a problem, short enough for an issue comment. */
  public static final int LAST_LINES = 200;

  /** A line longer than this is cut: one huge line must not fill the report. */
  static final int MAX_LINE = 2_000;

  private Diagnostics() {}

  public static String report(Path logDir) {
    StringBuilder s = new StringBuilder();
    s.append("Drawbridge ").append(BuildInfo.version());
    s.append(" (protocol ").append(ProtocolVersion.CURRENT).append(")\n");
    s.append("Java ")
        .append(System.getProperty("java.runtime.version"))
        .append(" (")
        .append(System.getProperty("java.vendor"))
        .append(")\n");
    s.append("JavaFX ").append(System.getProperty("javafx.runtime.version", "?")).append('\n');
    s.append("OS ")
        .append(System.getProperty("os.name"))
        .append(' ')
        .append(System.getProperty("os.version"))
        .append(' ')
        .append(System.getProperty("os.arch"))
        .append('\n');
    s.append("Locale ").append(java.util.Locale.getDefault().toLanguageTag()).append('\n');
    Optional<Path> log = newestLog(logDir);
    s.append("Log ").append(log.map(Path::toString).orElse(logDir + " (no log yet)")).append('\n');
    if (log.isPresent()) {
      s.append("\nLast lines of the log:\n");
      for (String line : lastLines(log.get(), LAST_LINES)) {
        s.append(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " […]" : line);
        s.append('\n');
      }
    }
    return Redaction.apply(s.toString());
  }

  /** The log file written to last ({@code drawbridge.log}, or a rolled one if that is missing). */
  static Optional<Path> newestLog(Path logDir) {
    if (!Files.isDirectory(logDir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(logDir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".log"))
          .max(Comparator.comparing(Diagnostics::modified));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static java.nio.file.attribute.FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last {@code n} lines, read as UTF-8 with bad bytes replaced (a log cut mid-character). */
  static List<String> lastLines(Path file, int n) {
    Deque<String> last = new ArrayDeque<>(n);
    try (var reader =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                Files.newInputStream(file),
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (last.size() == n) {
          last.removeFirst();
        }
        last.addLast(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) : line);
      }
    } catch (IOException e) {
      last.addLast("(log unreadable: " + e + ")");
    }
    return List.copyOf(last);
  }
}
