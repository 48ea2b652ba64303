package dev.drawbridge.client.host.discovery;

import dev.drawbridge.protocol.validation.Require;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A board someone announced on the local network, as read from its DNS-SD record.
 *
 * @param service the DNS-SD instance name (the key the browser keeps it under)
 * @param room the room (R1)
 * @param hostName the host's display name, clipped and without control characters ("" if none)
 * @param people how many are on the board, or -1 when the record does not say
 * @param address the host's IPv4 address
 * @param port the relay's port
 * @param token the editor token for the room, or null
 */
public record NetworkBoard(
    String service,
    String room,
    String hostName,
    int people,
    String address,
    int port,
    String token) {
  /** The DNS-SD service type hosted boards are announced under. */
  public static final String SERVICE_TYPE = "_drawbridge._tcp.local.";

  /** The record's format version ({@code v} in the TXT record). */
  static final String VERSION = "1";

  /** TXT keys: each TXT string holds at most 255 bytes, so the token is split over t0…t7. */
  static final String KEY_VERSION = "v";

  static final String KEY_ROOM = "room";
  static final String KEY_HOST = "host";
  static final String KEY_PEOPLE = "people";
  static final String TOKEN_PREFIX = "t";
  static final int TOKEN_CHUNK = 200;
  static final int MAX_TOKEN_CHUNKS = 8;

  /** The longest host name shown (the protocol's display-name limit). */
  static final int MAX_HOST_NAME = 64;

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]{1,1600}");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final int MAX_PEOPLE = 10_000;

  /** The relay's address as the join form takes it. */
  public String serverUrl() {
    return "ws://" + address + ":" + port;
  }

  /** The TXT record for {@code a}. */
  static Map<String, String> txt(Announcement a) {
    Map<String, String> txt = new LinkedHashMap<>();
    txt.put(KEY_VERSION, VERSION);
    txt.put(KEY_ROOM, a.room());
    txt.put(KEY_HOST, clip(a.hostName()));
    txt.put(KEY_PEOPLE, Integer.toString(Math.max(0, a.people())));
    if (a.token() != null) {
      String t = a.token();
      if (t.length() > TOKEN_CHUNK * MAX_TOKEN_CHUNKS) {
        throw new IllegalArgumentException("token too long to announce");
      }
      for (int i = 0; i * TOKEN_CHUNK < t.length(); i++) {
        txt.put(
            TOKEN_PREFIX + i,
            t.substring(i * TOKEN_CHUNK, Math.min(t.length(), (i + 1) * TOKEN_CHUNK)));
      }
    }
    return txt;
  }

  /**
   * Reads a record from the network. Empty when it is not a Drawbridge board this app can join (no
   * or another version, no valid room, no IPv4 address, a bad port); a host name is clipped and
   * cleaned, a bad people count reads as unknown and a bad token as none.
   *
   * @param txt the TXT record's keys and values (null values for keys without one)
   * @param addresses the service's IPv4 addresses as text, first preferred
   */
  public static Optional<NetworkBoard> read(
      String service, Map<String, String> txt, List<String> addresses, int port) {
    if (service == null || txt == null || addresses == null) {
      return Optional.empty();
    }
    if (!VERSION.equals(txt.get(KEY_VERSION))) {
      return Optional.empty();
    }
    String room = txt.get(KEY_ROOM);
    if (!Require.isRoomName(room) || port < 1 || port > 65_535) {
      return Optional.empty();
    }
    String address = addresses.stream().filter(NetworkBoard::isIpv4).findFirst().orElse(null);
    if (address == null) {
      return Optional.empty();
    }
    return Optional.of(
        new NetworkBoard(
            clip(service),
            room,
            clip(txt.get(KEY_HOST)),
            people(txt.get(KEY_PEOPLE)),
            address,
            port,
            token(txt)));
  }

  private static boolean isIpv4(String a) {
    if (a == null || !IPV4.matcher(a).matches()) {
      return false;
    }
    for (String part : a.split("\\.")) {
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  private static int people(String text) {
    if (text == null || text.isEmpty() || text.length() > 6) {
      return -1;
    }
    try {
      int n = Integer.parseInt(text);
      return n < 0 || n > MAX_PEOPLE ? -1 : n;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String token(Map<String, String> txt) {
    StringBuilder t = new StringBuilder();
    for (int i = 0; i < MAX_TOKEN_CHUNKS; i++) {
      String chunk = txt.get(TOKEN_PREFIX + i);
      if (chunk == null) {
        break;
      }
      t.append(chunk);
    }
    return TOKEN.matcher(t).matches() ? t.toString() : null;
  }

  /** Text for the screen: no control or bidi-override characters, at most 64 characters. */
  static String clip(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder s = new StringBuilder();
    text.codePoints()
        .filter(c -> !Character.isISOControl(c))
        .filter(c -> Character.getType(c) != Character.FORMAT)
        .limit(MAX_HOST_NAME)
        .forEach(s::appendCodePoint);
    return s.toString().strip();
  }
}
