package dev.drawbridge.relay.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.cli.Main;
import dev.drawbridge.relay.oplog.SqliteOpLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code token} command's output is accepted by a relay with the same secret (R2). */
class CommandLineTest {
  @TempDir Path dir;

  @Test
  void r2_printedTokenOpensTheRoomInHeaderOrQuery() throws Exception {
    StringWriter out = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    int code =
        cli.execute(
            "token",
            "--room",
            "cli",
            "--role",
            "viewer",
            "--ttl",
            "2h",
            "--secret",
            RelayFixture.SECRET);
    assertThat(code).isZero();
    String token = out.toString().trim();
    assertThat(token.split("\\.")).hasSize(3);
    try (RelayFixture fx = new RelayFixture(dir)) {
      TestPeer header = fx.peer(fx.uri("cli"), Map.of("Authorization", "Bearer " + token));
      assertThat(header.join(0).role()).isEqualTo("viewer");
      TestPeer query = fx.peer(URI.create(fx.uri("cli") + "?token=" + token), Map.of());
      assertThat(query.join(0).role()).isEqualTo("viewer");
      assertThat(query.nextOf(ServerMessage.Synced.class).seq()).isZero();
    }
  }

  /** Issue 20: the version comes from the build (the pom's revision), not a string in the code. */
  @Test
  void versionPrintsThisBuildsVersionAndProtocol() {
    StringWriter out = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("--version")).isZero();
    assertThat(out.toString().strip())
        .isEqualTo(
            "drawbridge relay " + dev.drawbridge.protocol.BuildInfo.version() + " (protocol 1)")
        .doesNotContain("unknown")
        .matches("drawbridge relay [1-9][0-9]*\\.[0-9]+\\.[0-9]+(-SNAPSHOT)? \\(protocol 1\\)");
  }

  /**
   * A data directory restarting cannot fix (here written by a newer relay) ends {@code serve} with
   * exit code 2, which the systemd unit does not restart on (RestartPreventExitStatus=2), instead
   * of 1 and a restart every 2 s.
   */
  @Test
  @org.junit.jupiter.api.Timeout(60) // without the refusal, serve would run until stopped
  void serveRefusesADataDirectoryOfANewerRelayWithExitCode2() throws Exception {
    Path data = dir.resolve("newer");
    java.nio.file.Files.createDirectories(data);
    try (var db =
            java.sql.DriverManager.getConnection(
                "jdbc:sqlite:" + data.resolve(SqliteOpLog.FILE_NAME));
        var s = db.createStatement()) {
      s.execute("PRAGMA user_version=999");
    }
    var cli = Main.commandLine();
    int code =
        cli.execute(
            "serve",
            "--no-auth",
            "--port",
            "0",
            "--metrics-port",
            "-1",
            "--warm-up",
            "0",
            "--data-dir",
            data.toString());
    assertThat(code).isEqualTo(2);
  }

  @Test
  void tokenRefusesAWeakSecretWithExitCode2AndSaysWhy() {
    for (String weak : new String[] {"change-me", "x"}) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      var cli = Main.commandLine();
      cli.setOut(new PrintWriter(out));
      cli.setErr(new PrintWriter(err));
      int code = cli.execute("token", "--room", "cli", "--secret", weak);
      assertThat(code).as(weak).isEqualTo(2);
      assertThat(out.toString()).isEmpty();
      assertThat(err.toString()).contains("refusing to sign").contains("openssl rand");
    }
  }
}
