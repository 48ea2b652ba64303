package dev.drawbridge.relay.cli;

import dev.drawbridge.protocol.BuildInfo;
import dev.drawbridge.protocol.ProtocolVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -XX:+ExitOnOutOfMemoryError -jar relay-server.jar serve|token|bench}. Every flag can
 * also come from an environment variable {@code DRAWBRIDGE_*} (see docs/relay.md).
 */
@Command(
    name = "relay-server",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Drawbridge relay: orders, stores and fans out drawing ops over WebSockets.",
    subcommands = {ServeCommand.class, TokenCommand.class, BenchCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** {@code --version}: this build's version and the protocol version it speaks. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "drawbridge relay " + BuildInfo.version() + " (protocol " + ProtocolVersion.CURRENT + ")"
      };
    }
  }

  /** The command line, for tests that capture its output. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main());
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
