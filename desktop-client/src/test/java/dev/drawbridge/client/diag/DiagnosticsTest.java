package dev.drawbridge.client.diag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.BuildInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticsTest {
  @TempDir Path logs;

  @Test
  void theReportNamesVersionsAndSystemAndEndsWithTheLastLinesOfTheNewestLog() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 500; i++) {
      lines.add("line " + i);
    }
    Files.write(logs.resolve("drawbridge.1.log"), List.of("old"));
    Files.setLastModifiedTime(
        logs.resolve("drawbridge.1.log"), java.nio.file.attribute.FileTime.fromMillis(0));
    Files.write(logs.resolve("drawbridge.log"), lines);

    String report = Diagnostics.report(logs);

    assertThat(report)
        .startsWith("Drawbridge " + BuildInfo.version() + " (protocol 1)\n")
        .contains("Java " + System.getProperty("java.runtime.version"))
        .contains("OS " + System.getProperty("os.name"))
        .contains("Log " + logs.resolve("drawbridge.log"))
        .contains("line 301\n")
        .endsWith("line 500\n")
        .doesNotContain("line 300\n")
        .doesNotContain("old");
  }

  @Test
  void noLogYetIsSaidPlainly() {
    assertThat(Diagnostics.report(logs.resolve("missing")))
        .contains("(no log yet)")
        .doesNotContain("Last lines");
  }

  /** Nothing that opens a board may leave the machine in a bug report. */
  @Test
  void tokensKeysAndBearerHeadersAreTakenOut() throws Exception {
    String jwt =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb29tIjoiYm9hcmQifQ.RofWN4-uf0LU2luSZc8viWiZh30qiJJM";
    Files.writeString(
        logs.resolve("drawbridge.log"),
        String.join(
            "\n",
            "joining drawbridge://10.0.0.5:7464/room?plain&token=" + jwt,
            "header Authorization: Bearer s3cr3t-value",
            "ws://h/v1/rooms/r?token=abc.def&x=1",
            "hello clientKey=QmFzZTY0S2V5",
            "a bare " + jwt + " in a message"));

    String report = Diagnostics.report(logs);

    assertThat(report)
        .doesNotContain(jwt)
        .doesNotContain("s3cr3t-value")
        .doesNotContain("abc.def")
        .doesNotContain("QmFzZTY0S2V5")
        .contains("token=[redacted]")
        .contains("Bearer [redacted]")
        .contains("&x=1");
  }

  /** Hostile or broken logs: a cut UTF-8 character, a 1 MB line, binary junk. */
  @Test
  void aDamagedOrHugeLogStillGivesAShortReport() throws Exception {
    byte[] cut = "é".getBytes(StandardCharsets.UTF_8);
    byte[] junk = new byte[4096];
    new java.util.Random(7).nextBytes(junk);
    Path log = logs.resolve("drawbridge.log");
    Files.write(log, junk);
    Files.write(
        log, ("x".repeat(1_000_000) + "\n").getBytes(), java.nio.file.StandardOpenOption.APPEND);
    Files.write(log, new byte[] {'a', cut[0], '\n'}, java.nio.file.StandardOpenOption.APPEND);

    String report = Diagnostics.report(logs);

    assertThat(report.length()).isLessThan(Diagnostics.LAST_LINES * (Diagnostics.MAX_LINE + 10));
    assertThat(report).contains("a\uFFFD");
  }
}
