package dev.drawbridge.client.host.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkBoardTest {
  private static final List<String> ADDRESS = List.of("192.168.1.20");

  @Test
  void anAnnouncementReadsBackAsTheSameBoard() {
    String token = "eyJ" + "a".repeat(700) + ".b-c_d";
    Map<String, String> txt =
        NetworkBoard.txt(new Announcement("k3x9q7wz2m4p1a", "Ann", 3, 7464, token));
    assertThat(txt.values()).allMatch(v -> v.length() <= 250);
    assertThat(NetworkBoard.read("k3x9q7wz2m4p1a", txt, ADDRESS, 7464))
        .contains(
            new NetworkBoard(
                "k3x9q7wz2m4p1a", "k3x9q7wz2m4p1a", "Ann", 3, "192.168.1.20", 7464, token));
  }

  @Test
  void recordsThatAreNotJoinableBoardsAreLeftOut() {
    Map<String, String> good = Map.of("v", "1", "room", "team");
    assertThat(NetworkBoard.read("s", good, ADDRESS, 7464)).isPresent();
    assertThat(NetworkBoard.read("s", Map.of("room", "team"), ADDRESS, 7464)).isEmpty();
    assertThat(NetworkBoard.read("s", Map.of("v", "2", "room", "team"), ADDRESS, 7464)).isEmpty();
    assertThat(NetworkBoard.read("s", Map.of("v", "1", "room", "a/b"), ADDRESS, 7464)).isEmpty();
    assertThat(NetworkBoard.read("s", Map.of("v", "1", "room", "r".repeat(65)), ADDRESS, 7464))
        .isEmpty();
    assertThat(NetworkBoard.read("s", good, List.of(), 7464)).isEmpty();
    assertThat(NetworkBoard.read("s", good, List.of("999.1.1.1", "fe80::1"), 7464)).isEmpty();
    assertThat(NetworkBoard.read("s", good, ADDRESS, 0)).isEmpty();
    assertThat(NetworkBoard.read("s", good, ADDRESS, 70_000)).isEmpty();
    assertThat(NetworkBoard.read(null, good, ADDRESS, 7464)).isEmpty();
    assertThat(NetworkBoard.read("s", null, ADDRESS, 7464)).isEmpty();
  }

  @Test
  void oddFieldsAreCleanedNotTrusted() {
    Map<String, String> txt = new HashMap<>();
    txt.put("v", "1");
    txt.put("room", "team");
    txt.put("host", "\u202e\u0000Bob\n" + "x".repeat(500));
    txt.put("people", "-4");
    txt.put("t0", "abc");
    txt.put("t1", null);
    NetworkBoard b = NetworkBoard.read("s\u0007", txt, ADDRESS, 7464).orElseThrow();
    assertThat(b.hostName()).startsWith("Bobxxx").hasSize(64);
    assertThat(b.service()).isEqualTo("s");
    assertThat(b.people()).isEqualTo(-1);
    assertThat(b.token()).isEqualTo("abc");
    txt.put("people", "12x");
    txt.put("t0", "a b");
    b = NetworkBoard.read("s", txt, ADDRESS, 7464).orElseThrow();
    assertThat(b.people()).isEqualTo(-1);
    assertThat(b.token()).isNull();
    assertThat(b.serverUrl()).isEqualTo("ws://192.168.1.20:7464");
  }
}
