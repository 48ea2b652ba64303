package dev.drawbridge.client.ui.start;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.invite.InviteLink;
import org.junit.jupiter.api.Test;

/** What the join form accepts and how it says what is wrong. */
class JoinFormTest {
  @Test
  void joinFormExplainsWhatIsWrong() {
    assertThat(new JoinForm("ws://example.org:8080", "team-1", "Ann", "").problems()).isEmpty();
    assertThat(new JoinForm("ws://example.org:8080", "team-1", "Ann", "").roomUrl())
        .hasToString("ws://example.org:8080/v1/rooms/team-1");
    assertThat(new JoinForm("ftp://example.org", "team 1", "", "").problems())
        .containsExactly("join.error.url", "join.error.room", "join.error.name");
    JoinForm pasted = new JoinForm("wss://h.example/v1/rooms/design", "", "Bo", "t");
    assertThat(pasted.room()).isEqualTo("design");
    assertThat(pasted.roomUrl()).hasToString("wss://h.example/v1/rooms/design");
    assertThat(new JoinForm("localhost:9000", "r", "x", "").roomUrl())
        .hasToString("ws://localhost:9000/v1/rooms/r");
  }

  /** Found by hand: Join with no room said the name "may use letters, digits…". */
  @Test
  void anEmptyRoomIsAskedForRatherThanCalledInvalid() {
    assertThat(new JoinForm("ws://example.org:8080", "", "Ann", "").problems())
        .containsExactly("join.error.roomEmpty");
    assertThat(new JoinForm("ws://example.org:8080", "a room", "Ann", "").problems())
        .containsExactly("join.error.room");
  }

  @Test
  void aPastedRoomAddressOrLinkWinsOverTheRememberedRoom() {
    // Issue 14: the room field still remembered "old-room"; Join opened it on the host's relay.
    JoinForm pasted = new JoinForm("ws://10.0.0.5:7464/v1/rooms/board", "old-room", "Ann", "");
    assertThat(pasted.room()).isEqualTo("board");
    assertThat(pasted.roomUrl()).hasToString("ws://10.0.0.5:7464/v1/rooms/board");
    JoinForm link =
        new JoinForm("drawbridge://10.0.0.5:7464/k3x9?plain&token=t0k", "old-room", "Ann", "old");
    assertThat(link.room()).isEqualTo("k3x9");
    assertThat(link.token()).isEqualTo("t0k");
    assertThat(link.roomUrl()).hasToString("ws://10.0.0.5:7464/v1/rooms/k3x9");
    assertThat(new JoinForm("drawbridge://draw.example.org/team", "", "Ann", "").roomUrl())
        .hasToString("wss://draw.example.org/v1/rooms/team");
  }

  @Test
  void withALinkTakesEverythingButTheName() {
    JoinForm remembered = new JoinForm("ws://old:1", "old-room", "Ann", "old-token");
    JoinForm filled =
        remembered.with(InviteLink.parse("drawbridge://[fe80::1]:7464/board?plain").orElseThrow());
    assertThat(filled).isEqualTo(new JoinForm("ws://[fe80::1]:7464", "board", "Ann", ""));
    assertThat(filled.roomUrl()).hasToString("ws://[fe80::1]:7464/v1/rooms/board");
  }

  @Test
  void aBrokenLinkIsNeverJoinedAsItsServerWithTheRememberedRoom() {
    assertThat(new JoinForm("ws://h:7464/v1/rooms/bad room", "old-room", "Ann", "").problems())
        .containsExactly("invite.error.room");
    assertThat(new JoinForm("drawbridge://h/room?token=%ZZ", "old-room", "Ann", "").problems())
        .containsExactly("invite.error.token");
    assertThat(
            new JoinForm("drawbridge://h/room?token=a&token=b", "old-room", "Ann", "").problems())
        .containsExactly("invite.error.link");
  }
}
