package dev.drawbridge.relay.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drawbridge.relay.auth.Role;
import dev.drawbridge.relay.ops.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench} against a real relay: everything delivered once, one JSON line out (R25). */
class BenchCommandTest {
  @TempDir Path dir;

  @Test
  void r25_benchReportsNoLossNoDuplicates() throws Exception {
    try (RelayFixture fx = new RelayFixture(dir)) {
      StringWriter out = new StringWriter();
      var cli = Main.commandLine();
      cli.setOut(new PrintWriter(out));
      int code =
          cli.execute(
              "bench",
              "--url=ws://127.0.0.1:" + fx.relay.port(),
              "--token=" + RelayFixture.token("*", Role.EDITOR),
              "--clients=6",
              "--rooms=2",
              "--rate=20",
              "--op-size=400",
              "--duration=1500ms",
              "--json");
      JsonNode report = new ObjectMapper().readTree(out.toString().trim());
      assertThat(report.get("sent").asLong()).as(out.toString()).isPositive();
      // Every op was answered (a nack would be a rate limit on a starved box, not a loss).
      assertThat(report.get("acked").asLong() + report.get("nacked").asLong())
          .as(out.toString())
          .isEqualTo(report.get("sent").asLong());
      assertThat(report.get("expected").asLong()).isEqualTo(report.get("acked").asLong() * 2);
      assertThat(report.get("lost").asLong()).isZero();
      assertThat(report.get("duplicates").asLong()).isZero();
      assertThat(report.get("p99Ms").asDouble()).isPositive();
      assertThat(code).isZero();
    }
  }
}
