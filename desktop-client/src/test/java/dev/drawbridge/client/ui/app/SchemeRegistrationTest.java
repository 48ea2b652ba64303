package dev.drawbridge.client.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux desktop entry the .deb installs registers the app for {@code drawbridge://} links: it
 * is installed into a temporary {@code XDG_DATA_HOME} the way the package's post-install does
 * ({@code update-desktop-database}), then GLib, which desktops and browsers ask, must name it the
 * handler and pass a clicked link to it unchanged. Needs {@code gio} (libglib2.0-bin) and {@code
 * update-desktop-database} (desktop-file-utils); .ci/run installs both, and under CI a missing tool
 * fails the test instead of skipping it.
 */
@EnabledOnOs(OS.LINUX)
class SchemeRegistrationTest {
  private static final Path DESKTOP_ENTRY = Path.of("src/packaging/linux/Drawbridge.desktop");

  /** The name jpackage's package gives the entry (drawbridge-Drawbridge.desktop, see .ci/run). */
  private static final String INSTALLED_NAME = "drawbridge-Drawbridge.desktop";

  @TempDir Path dir;
  private Path applications;
  private Path received;
  private Map<String, String> xdg;

  @BeforeEach
  void installTheEntryWithAStubApp() throws Exception {
    for (String tool : List.of("gio", "update-desktop-database", "desktop-file-validate")) {
      boolean present = run(Map.of(), "sh", "-c", "command -v " + tool).exitCode == 0;
      if (System.getenv("CI") != null) {
        assertThat(present).as(tool + " is installed (.ci/run installs it)").isTrue();
      }
      Assumptions.assumeTrue(present, tool + " is not installed");
    }
    applications = Files.createDirectories(dir.resolve("data/applications"));
    received = dir.resolve("received");
    Path stub = dir.resolve("bin/Drawbridge");
    Files.createDirectories(stub.getParent());
    // Stands in for /opt/drawbridge/bin/Drawbridge: writes each argument on its own line.
    Files.writeString(
        stub,
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > '"
            + received
            + ".tmp'\nmv '"
            + received
            + ".tmp' '"
            + received
            + "'\n");
    Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwx------"));
    String entry = Files.readString(DESKTOP_ENTRY, StandardCharsets.UTF_8);
    assertThat(entry).contains("Exec=/opt/drawbridge/bin/Drawbridge ");
    Files.writeString(
        applications.resolve(INSTALLED_NAME),
        entry.replace("/opt/drawbridge/bin/Drawbridge", stub.toString()));
    xdg =
        Map.of(
            "XDG_DATA_HOME", dir.resolve("data").toString(),
            "XDG_DATA_DIRS", Files.createDirectories(dir.resolve("none")).toString(),
            "XDG_CONFIG_HOME", Files.createDirectories(dir.resolve("config")).toString(),
            "XDG_CONFIG_DIRS", dir.resolve("none").toString());
    assertThat(run(xdg, "update-desktop-database", applications.toString()).exitCode).isZero();
  }

  @Test
  void theEntryIsValidAndNamesTheScheme() throws Exception {
    Result validation = run(Map.of(), "desktop-file-validate", DESKTOP_ENTRY.toString());
    assertThat(validation.exitCode).as(validation.output).isZero();
    assertThat(validation.output).doesNotContain("error:");
    Result query = run(xdg, "gio", "mime", "x-scheme-handler/drawbridge");
    assertThat(query.output)
        .contains("Default application for “x-scheme-handler/drawbridge”: " + INSTALLED_NAME);
  }

  @Test
  void aClickedLinkReachesTheAppUnchanged() throws Exception {
    String link = "drawbridge://192.168.1.20:7464/k3x9q7wz?plain&token=eyJ.a-b_c";
    Result open = run(xdg, "gio", "open", link);
    assertThat(open.exitCode).as(open.output).isZero();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(received));
    assertThat(Files.readAllLines(received)).containsExactly(link);
    assertThat(LaunchRequest.of(Files.readAllLines(received)).link().room()).isEqualTo("k3x9q7wz");
  }

  private record Result(int exitCode, String output) {}

  private static Result run(Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Result(-1, output);
    }
    return new Result(process.exitValue(), output);
  }

  /**
   * Issue 20: the desktop ties a window to this entry by its X11 class, which JavaFX on GTK takes
   * from the Application class's name (xprop on the app image: WM_CLASS "…DrawbridgeApp"). A
   * renamed or moved class must move the entry's StartupWMClass with it.
   */
  @Test
  void theEntrysWindowClassIsTheOneJavaFxGivesTheWindow() throws Exception {
    assertThat(Files.readAllLines(DESKTOP_ENTRY))
        .contains("StartupWMClass=" + DrawbridgeApp.class.getName());
  }
}
