package dev.drawbridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.ProtocolVersion.Compatibility;
import org.junit.jupiter.api.Test;

/** Version negotiation (docs/protocol.md R6, R70) and the close-code table (R50). */
class ProtocolVersionTest {

  @Test
  void thisBuildSpeaksVersionOne() {
    assertThat(ProtocolVersion.CURRENT).isEqualTo(1);
    assertThat(ProtocolVersion.MIN_SUPPORTED).isEqualTo(1);
    assertThat(ProtocolVersion.check(ProtocolVersion.CURRENT)).isEqualTo(Compatibility.OK);
  }

  @Test
  void olderClientsAreTooOldAndNewerOnesNeedANewerRelay() {
    assertThat(ProtocolVersion.check(0)).isEqualTo(Compatibility.CLIENT_TOO_OLD);
    assertThat(ProtocolVersion.check(Integer.MIN_VALUE)).isEqualTo(Compatibility.CLIENT_TOO_OLD);
    assertThat(ProtocolVersion.check(2)).isEqualTo(Compatibility.SERVER_TOO_OLD);
    assertThat(ProtocolVersion.check(Integer.MAX_VALUE)).isEqualTo(Compatibility.SERVER_TOO_OLD);
  }

  @Test
  void aRelaySpanningSeveralVersionsServesAllOfThem() {
    assertThat(ProtocolVersion.check(2, 2, 4)).isEqualTo(Compatibility.OK);
    assertThat(ProtocolVersion.check(3, 2, 4)).isEqualTo(Compatibility.OK);
    assertThat(ProtocolVersion.check(4, 2, 4)).isEqualTo(Compatibility.OK);
    assertThat(ProtocolVersion.check(1, 2, 4)).isEqualTo(Compatibility.CLIENT_TOO_OLD);
    assertThat(ProtocolVersion.check(5, 2, 4)).isEqualTo(Compatibility.SERVER_TOO_OLD);
  }

  @Test
  void closeCodesMatchTheTable() {
    assertThat(CloseCodes.GOING_AWAY).isEqualTo(1001);
    assertThat(CloseCodes.VERSION_NOT_SUPPORTED).isEqualTo(4000);
    assertThat(CloseCodes.UNAUTHORIZED).isEqualTo(4001);
    assertThat(CloseCodes.MALFORMED).isEqualTo(4002);
    assertThat(CloseCodes.FORBIDDEN).isEqualTo(4003);
    assertThat(CloseCodes.RATE_LIMITED).isEqualTo(4008);
    assertThat(CloseCodes.TOO_BIG).isEqualTo(4009);
    assertThat(CloseCodes.ROOM_FULL).isEqualTo(4010);
    assertThat(CloseCodes.TOO_SLOW).isEqualTo(4011);
  }

  @Test
  void onlyVersionAuthAndForbiddenAreTerminal() {
    int[] terminal = {4000, 4001, 4003};
    int[] retry = {1000, 1001, 1006, 1011, 4002, 4008, 4009, 4010, 4011};
    for (int code : terminal) {
      assertThat(CloseCodes.isTerminal(code)).as("%d", code).isTrue();
    }
    for (int code : retry) {
      assertThat(CloseCodes.isTerminal(code)).as("%d", code).isFalse();
    }
  }
}
