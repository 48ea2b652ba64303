package dev.drawbridge.relay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drawbridge.relay.oplog.Durability;
import dev.drawbridge.relay.runtime.RelayConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The serve flags become the relay's config (docs/relay.md lists them). */
class ServeCommandTest {
  private static RelayConfig parse(String... args) {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs(args);
    return serve.config().relay();
  }

  @Test
  void acksWaitForTheDiskUnlessTheHostChoosesTheOsCache() {
    assertThat(parse("--no-auth").durability()).isEqualTo(Durability.DISK);
    assertThat(parse("--no-auth", "--durability", "os").durability()).isEqualTo(Durability.OS);
    assertThat(parse("--no-auth", "--durability=DISK").durability()).isEqualTo(Durability.DISK);
  }

  @Test
  void anUnknownDurabilityIsRefusedWithTheChoices() {
    assertThatThrownBy(() -> parse("--no-auth", "--durability", "sometimes"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("expected disk or os");
  }

  @Test
  void aProxyOnTheSameMachineIsTrustedUnlessTheHostSaysOtherwise() {
    assertThat(parse("--no-auth").trustedProxies()).containsExactly("127.0.0.0/8", "::1");
    assertThat(parse("--no-auth", "--trusted-proxies", "10.0.0.0/8,192.168.1.2").trustedProxies())
        .containsExactly("10.0.0.0/8", "192.168.1.2");
  }

  @Test
  void aHandshakeHasTenSecondsUnlessTheHostSaysOtherwise() {
    assertThat(parse("--no-auth").handshakeTimeoutSeconds()).isEqualTo(10);
    assertThat(parse("--no-auth", "--handshake-timeout", "3").handshakeTimeoutSeconds())
        .isEqualTo(3);
  }

  /** R109, R113: 10 MiB a file and 512 MiB a board unless the host says otherwise. */
  @Test
  void blobBoundsHaveTheDocumentedDefaultsAndFlags() {
    assertThat(parse("--no-auth").limits().blobs().maxBlobBytes()).isEqualTo(10L << 20);
    assertThat(parse("--no-auth").limits().blobs().maxRoomBlobBytes()).isEqualTo(512L << 20);
    RelayConfig set =
        parse("--no-auth", "--max-blob-bytes", "1000", "--max-room-blob-bytes", "5000000000");
    assertThat(set.limits().blobs().maxBlobBytes()).isEqualTo(1000);
    assertThat(set.limits().blobs().maxRoomBlobBytes()).isEqualTo(5_000_000_000L);
  }

  /** R117–R120: 2,000-op pages, 20 a second (burst 60), every op kept unless told otherwise. */
  @Test
  void historyHasTheDocumentedDefaultsAndFlags() {
    var defaults = parse("--no-auth").limits().history();
    assertThat(defaults.maxPage()).isEqualTo(2000);
    assertThat(defaults.pagesPerSecond()).isEqualTo(20);
    assertThat(defaults.pageBurst()).isEqualTo(60);
    assertThat(defaults.keep().keepsAll()).isTrue();
    var set =
        parse(
                "--no-auth",
                "--history-keep",
                "30d",
                "--max-history-page",
                "500",
                "--history-pages-per-second",
                "5")
            .limits()
            .history();
    assertThat(set.keep()).isEqualTo(new dev.drawbridge.relay.history.HistoryKeep(0, 30));
    assertThat(set.maxPage()).isEqualTo(500);
    assertThat(set.pageBurst()).isEqualTo(15);
    assertThat(parse("--no-auth", "--history-keep", "100000").limits().history().keep().ops())
        .isEqualTo(100_000);
    for (String[] bad :
        new String[][] {
          {"--history-keep", "12"}, {"--history-keep", "soon"}, {"--max-history-page", "2001"}
        }) {
      String[] args = new String[bad.length + 1];
      args[0] = "--no-auth";
      System.arraycopy(bad, 0, args, 1, bad.length);
      assertThatThrownBy(() -> parse(args)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void blobBoundsOutOfRangeStopServeWithExitCode2() {
    for (String[] bad :
        new String[][] {
          {"--max-blob-bytes", "0"},
          {"--max-blob-bytes", "2000000000"},
          {"--max-room-blob-bytes", "0"}
        }) {
      int code =
          new CommandLine(new ServeCommand())
              .execute("--no-auth", "--in-memory", "--metrics-port", "-1", bad[0], bad[1]);
      assertThat(code).as(String.join(" ", bad)).isEqualTo(2);
    }
  }

  @Test
  void metricsListenOnLoopbackUnlessTheHostSaysOtherwise() {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs("--no-auth");
    assertThat(serve.config().metricsBindAddress()).isEqualTo("127.0.0.1");
    new CommandLine(serve).parseArgs("--no-auth", "--metrics-bind", "10.0.0.5");
    assertThat(serve.config().metricsBindAddress()).isEqualTo("10.0.0.5");
  }

  @Test
  @org.junit.jupiter.api.Timeout(60) // a secret let through would serve until stopped
  void aWeakSecretStopsServeWithExitCode2() {
    for (String weak : new String[] {"change-me", "x", "0123456789012345678901234567890"}) {
      int code =
          new CommandLine(new ServeCommand())
              .execute("--secret", weak, "--in-memory", "--port", "0", "--metrics-port", "-1");
      assertThat(code).as(weak).isEqualTo(2);
    }
  }

  @Test
  void aTrustedProxyThatIsNoAddressStopsServeWithExitCode2() {
    ServeCommand serve = new ServeCommand();
    int code =
        new CommandLine(serve).execute("--no-auth", "--in-memory", "--trusted-proxies", "lb.local");
    assertThat(code).isEqualTo(2);
  }

  @Test
  @org.junit.jupiter.api.Timeout(60) // a length let through would serve until stopped
  void aWarmUpOutOfRangeStopsServeWithExitCode2() {
    for (String bad : new String[] {"-1", "60001"}) {
      int code =
          new CommandLine(new ServeCommand())
              .execute(
                  "--no-auth",
                  "--in-memory",
                  "--port",
                  "0",
                  "--metrics-port",
                  "-1",
                  "--warm-up",
                  bad);
      assertThat(code).as(bad).isEqualTo(2);
    }
  }
}
