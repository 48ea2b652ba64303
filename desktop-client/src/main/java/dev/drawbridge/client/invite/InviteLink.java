package dev.drawbridge.client.invite;

import dev.drawbridge.protocol.validation.Require;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A board invitation: {@code drawbridge://host[:port]/room[?plain&token=…]} (docs/invite-links.md
 * has the exact grammar). TLS is the default, so a link made for a relay behind nginx needs no
 * flag; {@code plain} marks a relay without TLS (a board hosted on a LAN). The token travels in the
 * link because the link is the invitation: whoever holds it may join with the token's role.
 *
 * <p>{@link #parse} also takes what users paste instead of a link: a relay's room address ({@code
 * ws[s]://host:port/v1/rooms/room}, with {@code ?token=} when it carries one), so every address the
 * app ever showed still opens the board it named.
 *
 * @param host a host name, IPv4 address, or IPv6 address without brackets
 * @param port the port, or -1 for the scheme's default (443 with TLS, 80 without)
 * @param tls whether the relay speaks TLS ({@code wss})
 * @param room the room name (R1: {@code [A-Za-z0-9_-]{1,64}})
 * @param token the invitation token, or null for a relay without auth
 */
public record InviteLink(String host, int port, boolean tls, String room, String token) {
  public static final String SCHEME = "drawbridge";

  /** The longest link accepted: a token is a few hundred characters; anything far longer is not. */
  public static final int MAX_LENGTH = 4096;

  private static final Pattern ROOM_PATH = Pattern.compile("^/v1/rooms/([^/?#]+)/?$");
  private static final Pattern LINK_PATH = Pattern.compile("^/([^/?#]+)/?$");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]{1,2048}");

  public InviteLink {
    if (host == null || host.isBlank() || host.contains("/") || host.contains("@")) {
      throw new IllegalArgumentException("host missing or invalid: " + host);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (port != -1 && (port < 1 || port > 65_535)) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (!Require.isRoomName(room)) {
      throw new IllegalArgumentException("not a room name: " + room);
    }
    if (token != null && token.isEmpty()) {
      token = null;
    }
    if (token != null && !TOKEN.matcher(token).matches()) {
      throw new IllegalArgumentException("not a token");
    }
  }

  /**
   * Reads an invite link or a relay room address, ignoring surrounding white space. Empty when the
   * text is neither (the caller then treats it as whatever else it may be: a bare server address).
   */
  public static Optional<InviteLink> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String trimmed = text.strip();
    if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    try {
      return switch (scheme) {
        case SCHEME -> fromLink(uri, path);
        case "ws", "wss", "http", "https" -> fromRoomAddress(uri, scheme, path);
        default -> Optional.empty();
      };
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Why a text meant as a link ({@link #looksLikeOne}) is none, for the message the user sees. */
  public enum Refusal {
    /** The room is not a room name (R1). */
    ROOM,
    /** The token is damaged: characters a relay never issues, or a bad %-escape. */
    TOKEN,
    /** Anything else: too long, two tokens, user info, a path that is not one room. */
    OTHER
  }

  /**
   * Whether {@code text} was meant as an invite link or a room address (so that when {@link #parse}
   * refuses it the user should hear why), rather than a bare server address or other text.
   */
  public static boolean looksLikeOne(String text) {
    if (text == null) {
      return false;
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    return t.startsWith(SCHEME + ":")
        || (t.matches("^(wss?|https?)://.*") && t.contains("/v1/rooms/"));
  }

  /** Why {@code text}, which {@link #parse} refused, is not a link. */
  public static Refusal refusal(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.length() > MAX_LENGTH) {
      return Refusal.OTHER;
    }
    Matcher room =
        Pattern.compile("^[A-Za-z]+://[^/?#]*/(?:v1/rooms/)?([^/?#]*)/?(?:[?#]|$)")
            .matcher(trimmed);
    if (room.find() && !Require.isRoomName(room.group(1))) {
      return Refusal.ROOM;
    }
    Matcher token = Pattern.compile("[?&]token=([^&#]*)").matcher(trimmed);
    while (token.find()) {
      try {
        String value = URLDecoder.decode(token.group(1), StandardCharsets.UTF_8);
        if (!value.isEmpty() && !TOKEN.matcher(value).matches()) {
          return Refusal.TOKEN;
        }
      } catch (IllegalArgumentException e) {
        return Refusal.TOKEN;
      }
    }
    return Refusal.OTHER;
  }

  private static Optional<InviteLink> fromLink(URI uri, String path) {
    Matcher m = LINK_PATH.matcher(path);
    if (uri.getHost() == null || uri.getRawUserInfo() != null || !m.matches()) {
      return Optional.empty();
    }
    Query q = Query.of(uri.getRawQuery());
    if (q == null) {
      return Optional.empty();
    }
    return Optional.of(new InviteLink(uri.getHost(), uri.getPort(), !q.plain, m.group(1), q.token));
  }

  private static Optional<InviteLink> fromRoomAddress(URI uri, String scheme, String path) {
    Matcher m = ROOM_PATH.matcher(path);
    if (uri.getHost() == null || uri.getRawUserInfo() != null || !m.matches()) {
      return Optional.empty();
    }
    Query q = Query.of(uri.getRawQuery());
    if (q == null) {
      return Optional.empty();
    }
    boolean tls = scheme.equals("wss") || scheme.equals("https");
    return Optional.of(new InviteLink(uri.getHost(), uri.getPort(), tls, m.group(1), q.token));
  }

  /** The link as text, in the one form {@link #parse} reads back to an equal link. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(SCHEME).append("://").append(hostPart());
    if (port != -1) {
      s.append(':').append(port);
    }
    s.append('/').append(room);
    String separator = "?";
    if (!tls) {
      s.append(separator).append("plain");
      separator = "&";
    }
    if (token != null) {
      s.append(separator).append("token=").append(URLEncoder.encode(token, StandardCharsets.UTF_8));
    }
    return s.toString();
  }

  /** The relay's address as the join form shows it: {@code ws[s]://host[:port]}. */
  public String serverUrl() {
    return (tls ? "wss" : "ws") + "://" + hostPart() + (port == -1 ? "" : ":" + port);
  }

  /** The same invitation with another token (null: none), e.g. a view-only one. */
  public InviteLink withToken(String otherToken) {
    return new InviteLink(host, port, tls, room, otherToken);
  }

  private String hostPart() {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /** The query of a link: {@code plain} and {@code token}; null when it has anything else twice. */
  private record Query(boolean plain, String token) {
    static Query of(String raw) {
      boolean plain = false;
      String token = null;
      if (raw == null || raw.isEmpty()) {
        return new Query(false, null);
      }
      for (String part : raw.split("&", -1)) {
        int eq = part.indexOf('=');
        String key = eq < 0 ? part : part.substring(0, eq);
        String value =
            eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
        switch (key) {
          case "plain" -> plain = true;
          case "token" -> {
            if (token != null) {
              return null; // two tokens: which one was meant is anyone's guess
            }
            token = value;
          }
          default -> {
            // Unknown parameters are ignored, so a later version may add some
            // (docs/invite-links.md).
          }
        }
      }
      return new Query(plain, token);
    }
  }
}
