package dev.drawbridge.client.ui.app;

import dev.drawbridge.client.invite.InviteLink;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a launch asks the app to open, read from its arguments: an invite link (clicked in a browser
 * or chat), a board file (double-clicked in the file manager), or a link that does not work (then
 * the app says why). The first argument that is one of these counts; {@code --} flags are skipped.
 *
 * @param link the invitation, or null
 * @param file an existing board file (absolute), or null
 * @param badLink text meant as an invite link that is none, or null
 */
public record LaunchRequest(InviteLink link, Path file, String badLink) {
  /** Nothing to open: the start screen. */
  public static final LaunchRequest NOTHING = new LaunchRequest(null, null, null);

  public static LaunchRequest of(List<String> arguments) {
    for (String argument : arguments) {
      if (argument == null || argument.startsWith("--")) {
        continue;
      }
      Optional<InviteLink> link = InviteLink.parse(argument);
      if (link.isPresent()) {
        return new LaunchRequest(link.get(), null, null);
      }
      if (InviteLink.looksLikeOne(argument)) {
        return new LaunchRequest(null, null, argument);
      }
      Path path = asPath(argument);
      if (path != null && Files.isRegularFile(path)) {
        return new LaunchRequest(null, path.toAbsolutePath(), null);
      }
    }
    return NOTHING;
  }

  public boolean isEmpty() {
    return link == null && file == null && badLink == null;
  }

  /**
   * The arguments as this launch hands them to a running app: file paths made absolute, because the
   * running app has another working directory. Links and flags pass unchanged.
   */
  public static List<String> forHandOff(List<String> arguments) {
    List<String> out = new ArrayList<>();
    for (String argument : arguments) {
      Path path =
          argument.startsWith("--") || InviteLink.looksLikeOne(argument) ? null : asPath(argument);
      out.add(
          path != null && Files.exists(path)
              ? path.toAbsolutePath().normalize().toString()
              : argument);
    }
    return out;
  }

  /**
   * A file path, or a {@code file:} URI (how a desktop entry's {@code %U} may pass a local file);
   * null when the text is neither.
   */
  private static Path asPath(String argument) {
    try {
      if (argument.regionMatches(true, 0, "file:", 0, 5)) {
        return Path.of(URI.create(argument));
      }
      return Path.of(argument);
    } catch (IllegalArgumentException e) { // InvalidPathException, or a bad file: URI
      return null;
    }
  }
}
