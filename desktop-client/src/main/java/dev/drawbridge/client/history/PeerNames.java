package dev.drawbridge.client.history;

import dev.drawbridge.protocol.message.Peer;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Display names by client id, for saying who made what (issue 17). The relay keeps no names, only
 * client ids in ops, so names are learnt from the peers the session shows while people are in the
 * room, and remembered in a small file so that someone who drew last week and left is still named.
 * A client id belongs to one installation on one board, so one file serves every board. Not
 * thread-safe: one owner thread (the UI's); {@link #snapshot} is what a background save writes.
 */
public final class PeerNames {
  /** How much of an unknown client id is shown: enough to tell people apart, short to read. */
  static final int SHORT_ID = 8;

  /** Names kept at most; the least recently learnt go first. */
  static final int MAX_NAMES = 5_000;

  private final Map<String, String> names = new LinkedHashMap<>(16, 0.75f, true);

  /** The names {@code file} holds (none when it is missing or unreadable: names come back). */
  public static PeerNames read(Path file) {
    PeerNames loaded = new PeerNames();
    if (file == null || !Files.isRegularFile(file)) {
      return loaded;
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException | IllegalArgumentException e) {
      return loaded;
    }
    p.stringPropertyNames().forEach(id -> loaded.learn(id, p.getProperty(id)));
    return loaded;
  }

  /** Learns the names of everyone in {@code peers}; returns whether any name was new. */
  public boolean learn(Collection<Peer> peers) {
    boolean changed = false;
    for (Peer p : peers) {
      changed |= learn(p.clientId(), p.name());
    }
    return changed;
  }

  /** Learns one name (a later name replaces an earlier one); returns whether it was new. */
  public boolean learn(String clientId, String name) {
    if (clientId == null || name == null || name.isBlank()) {
      return false;
    }
    String before = names.put(clientId, name.strip());
    if (names.size() > MAX_NAMES) {
      names.remove(names.keySet().iterator().next());
    }
    return !name.strip().equals(before);
  }

  /** The name last seen for {@code clientId}, else the id shortened. */
  public String nameOf(String clientId) {
    String name = names.get(clientId);
    if (name != null) {
      return name;
    }
    return clientId.length() <= SHORT_ID ? clientId : clientId.substring(0, SHORT_ID) + "…";
  }

  /** A copy of the names, for writing elsewhere. */
  public Map<String, String> snapshot() {
    return Map.copyOf(names);
  }

  /** Writes {@code names} to {@code file} whole (a new file moved over the old one). */
  public static void write(Map<String, String> names, Path file) {
    Properties p = new Properties();
    p.putAll(names);
    try {
      StringWriter text = new StringWriter();
      p.store(text, "Drawbridge: names of people by client id, for who drew what");
      Files.createDirectories(file.getParent());
      // A part file of its own per write: two saves under way at once cannot mix their bytes.
      Path part = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
      Files.writeString(part, text.toString(), StandardCharsets.UTF_8);
      Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
