package dev.drawbridge.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.protocol.message.ClientMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board's client key (docs/protocol.md R80) and what the session does on 4013 and 4014. */
class ClientIdentityTest {
  @TempDir Path dir;

  private static Path keyFile(SessionHarness h) {
    return h.directory.path().resolve("client-key");
  }

  @Test
  void r80_theKeyIsMadeOnceBesideTheClientIdAndSentInEveryHello() throws Exception {
    String key;
    try (SessionHarness h = new SessionHarness(dir)) {
      key = Files.readString(keyFile(h), StandardCharsets.UTF_8);
      assertThat(key).matches("[A-Za-z0-9_-]{43}");
      if (Files.getFileStore(keyFile(h)).supportsFileAttributeView("posix")) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile(h))))
            .isEqualTo("rw-------");
      }
      h.connectAndSync(0);
      h.transport.dropFromServer(1006, "network");
      h.scheduler.advance(Duration.ofMinutes(1));
      h.connectAndSync(0);
      assertThat(h.transport.sent(ClientMessage.Hello.class))
          .hasSize(2)
          .allSatisfy(hello -> assertThat(hello.clientKey()).isEqualTo(key));
    }
    try (SessionHarness h = new SessionHarness(dir)) {
      assertThat(Files.readString(keyFile(h), StandardCharsets.UTF_8)).isEqualTo(key);
      h.transport.open();
      assertThat(h.transport.sent(ClientMessage.Hello.class).getFirst().clientKey()).isEqualTo(key);
    }
    try (SessionHarness other = new SessionHarness(dir.resolve("another-installation"))) {
      assertThat(Files.readString(keyFile(other), StandardCharsets.UTF_8)).isNotEqualTo(key);
    }
  }

  @Test
  void anUnreadableKeyFileIsReplaced() throws Exception {
    try (SessionHarness h = new SessionHarness(dir)) {
      Files.writeString(keyFile(h), "not a key!");
    }
    try (SessionHarness h = new SessionHarness(dir)) {
      assertThat(Files.readString(keyFile(h), StandardCharsets.UTF_8)).matches("[A-Za-z0-9_-]{43}");
    }
  }

  @Test
  void r82_r83_openedElsewhereOrIdTakenStopsReconnectingUntilTheUserAsks() {
    int[] codes = {CloseCodes.REPLACED, CloseCodes.CLIENT_ID_TAKEN};
    ConnectionState.Failed.Kind[] kinds = {
      ConnectionState.Failed.Kind.REPLACED, ConnectionState.Failed.Kind.CLIENT_ID_TAKEN
    };
    for (int i = 0; i < codes.length; i++) {
      try (SessionHarness h = new SessionHarness(dir.resolve("c" + codes[i]))) {
        h.connectAndSync(0);
        h.transport.dropFromServer(codes[i], "closed by the relay");
        assertThat(((ConnectionState.Failed) h.session.state()).kind()).isEqualTo(kinds[i]);
        assertThat(kinds[i].reconnectHelps()).isTrue();
        h.scheduler.advance(Duration.ofMinutes(10));
        assertThat(h.transport.connects).hasSize(1);
        h.session.reconnectNow();
        assertThat(h.transport.connects).hasSize(2);
        h.connectAndSync(0);
        assertThat(h.session.state()).isInstanceOf(ConnectionState.Synced.class);
      }
    }
  }

  @Test
  void theIdentityPrintsWithoutItsKey() {
    assertThat(new ClientIdentity("c-ana", "secret-key-0123456789abcdef0123").toString())
        .contains("c-ana")
        .doesNotContain("secret-key");
  }
}
