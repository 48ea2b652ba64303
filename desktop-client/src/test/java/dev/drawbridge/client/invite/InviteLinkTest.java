package dev.drawbridge.client.invite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InviteLinkTest {
  @Test
  void aLinkReadsBackToTheSameInvitation() {
    InviteLink hosted = new InviteLink("192.168.1.20", 7464, false, "k3x9-board", "abc.def-ghi_");
    assertThat(hosted.toString())
        .isEqualTo("drawbridge://192.168.1.20:7464/k3x9-board?plain&token=abc.def-ghi_");
    assertThat(InviteLink.parse(hosted.toString())).contains(hosted);

    InviteLink behindNginx = new InviteLink("draw.example.org", -1, true, "team", null);
    assertThat(behindNginx.toString()).isEqualTo("drawbridge://draw.example.org/team");
    assertThat(InviteLink.parse(behindNginx.toString())).contains(behindNginx);
    assertThat(behindNginx.serverUrl()).isEqualTo("wss://draw.example.org");
  }

  @Test
  void tokensWithReservedCharactersSurviveTheRoundTrip() {
    InviteLink link = new InviteLink("h", 1, true, "r", "a+b/c=");
    assertThat(link.toString()).endsWith("?token=a%2Bb%2Fc%3D");
    assertThat(InviteLink.parse(link.toString())).map(InviteLink::token).contains("a+b/c=");
  }

  @Test
  void ipv6HostsGetBracketsInTextOnly() {
    InviteLink link = InviteLink.parse("drawbridge://[fe80::1]:7464/board?plain").orElseThrow();
    assertThat(link.host()).isEqualTo("fe80::1");
    assertThat(link.serverUrl()).isEqualTo("ws://[fe80::1]:7464");
    assertThat(link.toString()).isEqualTo("drawbridge://[fe80::1]:7464/board?plain");
  }

  @Test
  void aRelayRoomAddressIsAnInvitationToo() {
    assertThat(InviteLink.parse("  ws://10.0.0.5:7464/v1/rooms/board  "))
        .contains(new InviteLink("10.0.0.5", 7464, false, "board", null));
    assertThat(InviteLink.parse("wss://draw.example.org/v1/rooms/team/?token=t0k"))
        .contains(new InviteLink("draw.example.org", -1, true, "team", "t0k"));
    assertThat(InviteLink.parse("https://draw.example.org/v1/rooms/team"))
        .map(InviteLink::tls)
        .contains(true);
  }

  @Test
  void unknownParametersAreIgnoredSoLaterVersionsMayAddSome() {
    assertThat(InviteLink.parse("drawbridge://h:1/r?token=t&view=2&plain"))
        .contains(new InviteLink("h", 1, false, "r", "t"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "board",
        "10.0.0.5:7464",
        "ws://10.0.0.5:7464",
        "drawbridge://",
        "drawbridge://h:1/",
        "drawbridge://h:1/a/b",
        "drawbridge://h:1/bad%20room",
        "drawbridge://h:1/rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr",
        "drawbridge://h:99999/r",
        "drawbridge://user:pw@h/r",
        "drawbridge:///r",
        "drawbridge://h/r?token=a&token=b",
        "drawbridge://h/r?token=%zz",
        "drawbridge://h/r?token=with space",
        "drawbridge://h/r?token=<script>",
        "ftp://h/v1/rooms/r",
        "ws://h/v2/rooms/r",
        "javascript:alert(1)",
      })
  void whatIsNotAnInvitationIsRefused(String text) {
    assertThat(InviteLink.parse(text)).isEqualTo(Optional.empty());
  }

  @Test
  void hugeTextIsRefusedBeforeParsing() {
    assertThat(InviteLink.parse("drawbridge://h/r?token=" + "a".repeat(InviteLink.MAX_LENGTH)))
        .isEmpty();
  }

  @Test
  void whatIsMeantAsALinkIsToldApartFromAServerAddressOrAName() {
    assertThat(InviteLink.looksLikeOne(" drawbridge://h/r ")).isTrue();
    assertThat(InviteLink.looksLikeOne("DRAWBRIDGE:nonsense")).isTrue();
    assertThat(InviteLink.looksLikeOne("wss://h/v1/rooms/bad room")).isTrue();
    assertThat(InviteLink.looksLikeOne("ws://h:7464")).isFalse();
    assertThat(InviteLink.looksLikeOne("Ann")).isFalse();
    assertThat(InviteLink.looksLikeOne(null)).isFalse();
  }

  @Test
  void aRefusalSaysWhetherTheRoomOrTheTokenIsAtFault() {
    assertThat(InviteLink.refusal("drawbridge://h/bad room")).isEqualTo(InviteLink.Refusal.ROOM);
    assertThat(InviteLink.refusal("ws://h/v1/rooms/" + "r".repeat(65)))
        .isEqualTo(InviteLink.Refusal.ROOM);
    assertThat(InviteLink.refusal("drawbridge://h/room?token=a b"))
        .isEqualTo(InviteLink.Refusal.TOKEN);
    assertThat(InviteLink.refusal("drawbridge://h/room?token=%E2%82"))
        .isEqualTo(InviteLink.Refusal.TOKEN);
    assertThat(InviteLink.refusal("drawbridge://u@h/room")).isEqualTo(InviteLink.Refusal.OTHER);
    assertThat(InviteLink.refusal("drawbridge:nonsense")).isEqualTo(InviteLink.Refusal.OTHER);
  }
}
