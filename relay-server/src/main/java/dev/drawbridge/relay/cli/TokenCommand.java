package dev.drawbridge.relay.cli;

import dev.drawbridge.relay.auth.Role;
import dev.drawbridge.relay.auth.TokenIssuer;
import dev.drawbridge.relay.auth.TokenSecrets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code token}: prints one signed token. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Print a signed access token.")
final class TokenCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--room", required = true, description = "Room name, or * for every room.")
  String room;

  @Option(
      names = "--role",
      defaultValue = "editor",
      description = "editor or viewer (default ${DEFAULT-VALUE}).")
  String role;

  @Option(names = "--name", description = "Display name to show for the holder.")
  String name;

  @Option(
      names = "--ttl",
      defaultValue = "7d",
      description = "Lifetime: 30m, 12h, 7d… (default ${DEFAULT-VALUE}).")
  String ttl;

  @Option(
      names = "--secret",
      defaultValue = "${env:DRAWBRIDGE_SECRET}",
      required = true,
      description = "HS256 secret, at least 32 random bytes (DRAWBRIDGE_SECRET).")
  String secret;

  @Override
  public Integer call() {
    Optional<String> weakSecret = TokenSecrets.weakness(secret);
    if (weakSecret.isPresent()) {
      spec.commandLine().getErr().println("refusing to sign: " + weakSecret.get());
      spec.commandLine().getErr().flush();
      return 2;
    }
    Role parsed = Role.fromWire(role.toLowerCase(Locale.ROOT));
    if (parsed == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--role must be editor or viewer");
    }
    String token = new TokenIssuer(secret).issue(room, parsed, name, parseTtl(ttl), Instant.now());
    spec.commandLine().getOut().println(token);
    spec.commandLine().getOut().flush();
    return 0;
  }

  private Duration parseTtl(String text) {
    try {
      long n = Long.parseLong(text.substring(0, text.length() - 1));
      return switch (text.charAt(text.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        case 'd' -> Duration.ofDays(n);
        default -> throw new NumberFormatException(text);
      };
    } catch (RuntimeException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--ttl like 30m, 12h or 7d");
    }
  }
}
