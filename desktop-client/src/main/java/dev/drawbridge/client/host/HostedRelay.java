package dev.drawbridge.client.host;

import dev.drawbridge.client.invite.InviteLink;
import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.relay.auth.Role;
import dev.drawbridge.relay.auth.TokenIssuer;
import dev.drawbridge.relay.runtime.Relay;
import dev.drawbridge.relay.runtime.RelayConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Host on this computer": the relay running inside the app, on a stable port when it is free so
 * the address people saved keeps working, else on any free port. It always checks tokens, signed
 * with the home's {@link HostSecret}: whoever joins needs an invite link (or, for a board open to
 * the network, the token its announcement carries), so finding the port is not enough to read or
 * draw. Rooms the host made earlier stay as private as they were.
 */
public final class HostedRelay implements AutoCloseable {
  /** The port tried first. */
  public static final int PREFERRED_PORT = 7464;

  /** The room of the hosted demo ({@code -Ddrawbridge.demo=host}). */
  public static final String DEFAULT_ROOM = "board";

  /** The close reason guests receive with 4015 (R86); for logs, the app words it itself. */
  public static final String HOST_ENDED_REASON = "the host ended the board";

  /**
   * How long an invite link (editor or view-only) and an announced token work: a week, long enough
   * for a link sent in a chat to be used in the next days' meeting, short enough that a link that
   * leaked stops working on its own. Deleting {@link HostSecret} revokes them at once.
   */
  public static final Duration INVITE_LIFETIME = Duration.ofDays(7);

  /**
   * How long the host's own token works: minted at each start and used only by this app against its
   * own relay, it only has to outlast one hosting session and its reconnects.
   */
  public static final Duration HOST_LIFETIME = Duration.ofDays(30);

  /** Room names made by {@link #newRoom()}: 14 of [a-z0-9], about 72 bits. */
  static final int ROOM_LENGTH = 14;

  private static final String ROOM_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Logger LOG = LoggerFactory.getLogger(HostedRelay.class);
  private final Relay relay;
  private final TokenIssuer issuer;

  private HostedRelay(Relay relay, TokenIssuer issuer) {
    this.relay = relay;
    this.issuer = issuer;
  }

  /**
   * Starts the relay with its data and its secret in {@code dataDir}. Blocks until it accepts
   * connections.
   */
  public static HostedRelay start(Path dataDir, int preferredPort) throws IOException {
    String secret = HostSecret.loadOrCreate(dataDir);
    RelayConfig config = RelayConfig.localDefaults(dataDir).withSecret(secret);
    TokenIssuer issuer = new TokenIssuer(secret);
    if (preferredPort > 0) {
      try {
        return new HostedRelay(Relay.start(config.withPort(preferredPort)), issuer);
      } catch (IOException | RuntimeException e) {
        LOG.info("Port {} is taken; hosting on a free port", preferredPort);
      }
    }
    return new HostedRelay(Relay.start(config.withPort(0)), issuer);
  }

  /** An unguessable room name (SecureRandom), valid by R1. */
  public static String newRoom() {
    StringBuilder room = new StringBuilder(ROOM_LENGTH);
    for (int i = 0; i < ROOM_LENGTH; i++) {
      room.append(ROOM_ALPHABET.charAt(RANDOM.nextInt(ROOM_ALPHABET.length())));
    }
    return room.toString();
  }

  /** A token for {@code room} with {@code role}, valid for {@code lifetime} from now. */
  public String token(String room, Role role, Duration lifetime) {
    return issuer.issue(room, role, null, lifetime, Instant.now());
  }

  /** The host's own editor token for {@code room}. */
  public String hostToken(String room) {
    return token(room, Role.EDITOR, HOST_LIFETIME);
  }

  /**
   * The link others on the network open to join {@code room} with {@code role}: {@code plain}, as
   * the embedded relay does not speak TLS.
   */
  public InviteLink invite(String lanHost, String room, Role role) {
    return new InviteLink(lanHost, port(), false, room, token(room, role, INVITE_LIFETIME));
  }

  public int port() {
    return relay.port();
  }

  /** Where this app joins its own relay. */
  public String localUrl() {
    return "ws://127.0.0.1:" + port();
  }

  /**
   * Ends hosting: every guest still connected is closed with 4015 {@code HOST_ENDED} (R86), so
   * their app says the host ended the board instead of reconnecting to a relay that is gone; then
   * the op log is flushed and the port freed.
   */
  @Override
  public void close() {
    relay.close(CloseCodes.HOST_ENDED, HOST_ENDED_REASON);
  }
}
