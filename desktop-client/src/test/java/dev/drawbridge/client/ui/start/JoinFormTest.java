package dev.drawbridge.client.ui.start;

import static org.assertj.core.api.Assertions.assertThat;

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
}
