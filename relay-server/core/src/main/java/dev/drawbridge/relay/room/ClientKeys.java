package dev.drawbridge.relay.room;

import dev.drawbridge.relay.oplog.ClientKeyHash;
import java.util.HashMap;
import java.util.Map;

/**
 * Which client ids of one room are claimed, and by which key (R80–R85): the SHA-256 of the first
 * {@code hello.clientKey} the room admitted for each id. Only hashes are kept. The op log keeps
 * them too ({@link dev.drawbridge.relay.oplog.OpLog#clientKeyHashes}): a room merges the stored
 * claims in when it opens, so they outlive a relay restart and reach a stand-in relay. The registry
 * keeps a room's keys while the room itself is unloaded.
 *
 * <p>Thread-safe by its own monitor: a room that failed and the room reloaded in its place share
 * one instance for a moment.
 */
final class ClientKeys {
  /** More ids than any real board has installations; past it, new ids join as keyless (R85). */
  static final int MAX_IDS_PER_ROOM = 1_000;

  /** What a hello may do with its client id (R81–R83). */
  enum Verdict {
    /** Join: the id is free, or it is keyless and so is the hello (old clients, R85). */
    JOIN,
    /** Join and close the id's other connections with 4013: same id, same key (R82). */
    REPLACE,
    /** Refuse with 4014: the id belongs to someone else, or cannot be told apart (R83). */
    TAKEN
  }

  private final Map<String, ClientKeyHash> hashes = new HashMap<>();

  /**
   * What a hello with {@code clientId} and {@code key} (null when the client sent none) may do;
   * {@code present} says whether the id has a connection in the room now. Records nothing: {@link
   * #claim} does once the hello is admitted.
   */
  synchronized Verdict verdict(String clientId, String key, boolean present) {
    ClientKeyHash known = hashes.get(clientId);
    if (known != null) {
      if (key == null || !known.matches(ClientKeyHash.of(key))) {
        return Verdict.TAKEN;
      }
      return present ? Verdict.REPLACE : Verdict.JOIN;
    }
    // Unclaimed. A keyed hello for an id a keyless connection uses now could be its owner upgraded
    // or anyone: the room cannot tell, so it neither shares the id nor lets the key claim it.
    return key != null && present ? Verdict.TAKEN : Verdict.JOIN;
  }

  /**
   * The admitted hello's key claims {@code clientId}, unless it already is or has no key. Returns
   * the new claim's hash, for the op log, or null when nothing was claimed.
   */
  synchronized ClientKeyHash claim(String clientId, String key) {
    if (key == null || hashes.containsKey(clientId) || hashes.size() >= MAX_IDS_PER_ROOM) {
      return null;
    }
    ClientKeyHash hash = ClientKeyHash.of(key);
    hashes.put(clientId, hash);
    return hash;
  }

  /** Claims read from the op log; a claim already known here stays (the first claim wins). */
  synchronized void remember(Map<String, ClientKeyHash> stored) {
    stored.forEach(
        (id, hash) -> {
          if (hashes.size() < MAX_IDS_PER_ROOM) {
            hashes.putIfAbsent(id, hash);
          }
        });
  }

  synchronized int size() {
    return hashes.size();
  }
}
