package dev.drawbridge.client.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drawbridge.client.sync.ConnectionState;
import dev.drawbridge.client.sync.SyncConfig;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.relay.auth.Role;
import dev.drawbridge.relay.auth.TokenIssuer;
import dev.drawbridge.relay.runtime.Relay;
import dev.drawbridge.relay.runtime.RelayConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real relay's refusals reach the user as plain states: a missing token (invitation needed) and
 * a token for another room (both HTTP 401, R2, R3, R76) end in Failed without a retry loop; a
 * viewer's op is refused (R16) and dropped with a notice.
 */
class AuthTest {
  private static final String SECRET = "test-secret-for-the-sync-auth-test";
  private static final SyncConfig CONFIG =
      SyncConfig.defaults()
          .withHeartbeat(Duration.ofMillis(300), Duration.ofSeconds(2))
          .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
  @TempDir Path tmp;
  private Relay relay;
  private String url;
  private final TokenIssuer issuer = new TokenIssuer(SECRET);

  @BeforeEach
  void startRelay() throws Exception {
    relay =
        Relay.start(
            RelayConfig.localDefaults(tmp.resolve("relay"))
                .withBindAddress("127.0.0.1")
                .withSecret(SECRET)
                .withNoAuth(false));
    url = "ws://127.0.0.1:" + relay.port();
  }

  @AfterEach
  void stopRelay() {
    relay.close();
  }

  private String token(String room, Role role) {
    return issuer.issue(room, role, null, Duration.ofHours(1), Instant.now());
  }

  @Test
  void aMissingTokenFailsAsInvitationNeededWithoutRetrying() {
    try (TestClient c = new TestClient("anon", url, "room", tmp.resolve("anon"), CONFIG, null)) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> c.state() instanceof ConnectionState.Failed);
      // No token at all: the user needs an invitation link, not a "refused token" (issue 14).
      assertThat(((ConnectionState.Failed) c.state()).kind())
          .isEqualTo(ConnectionState.Failed.Kind.INVITATION_NEEDED);
      assertThat(c.states).noneMatch(s -> s instanceof ConnectionState.Reconnecting);
    }
  }

  @Test
  void aTokenForAnotherRoomFailsAsUnauthorizedWithoutRetrying() {
    String other = token("other-room", Role.EDITOR);
    try (TestClient c = new TestClient("lost", url, "room", tmp.resolve("lost"), CONFIG, other)) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> c.state() instanceof ConnectionState.Failed);
      assertThat(((ConnectionState.Failed) c.state()).kind())
          .isEqualTo(ConnectionState.Failed.Kind.UNAUTHORIZED);
      assertThat(c.states).noneMatch(s -> s instanceof ConnectionState.Reconnecting);
    }
  }

  @Test
  void aViewersOpsAreRefusedAndDroppedWithANotice() {
    String viewer = token("room", Role.VIEWER);
    String editor = token("room", Role.EDITOR);
    try (TestClient v = new TestClient("view", url, "room", tmp.resolve("v"), CONFIG, viewer);
        TestClient e = new TestClient("edit", url, "room", tmp.resolve("e"), CONFIG, editor)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> v.synced() && e.synced());
      assertThat(v.call(v.session::role)).isEqualTo("viewer");
      v.onBoard(
          b ->
              b.submit(
                  new Op.AddElement(
                      Element.shape("x", ElementKind.RECTANGLE, 0, 0, 5, 5, Style.DEFAULT, 1))));
      await().atMost(Duration.ofSeconds(20)).until(() -> !v.rejected.isEmpty());
      assertThat(v.rejected.getFirst()).endsWith("viewer");
      assertThat(v.pending()).isZero();
      assertThat(v.call(() -> v.session.board().view().get("x"))).isNull();
      e.onBoard(
          b ->
              b.submit(
                  new Op.AddElement(
                      Element.shape("y", ElementKind.RECTANGLE, 0, 0, 5, 5, Style.DEFAULT, 1))));
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> v.call(() -> v.session.board().view().get("y")) != null);
    }
  }
}
