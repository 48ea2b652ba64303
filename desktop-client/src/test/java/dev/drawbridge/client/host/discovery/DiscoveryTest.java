package dev.drawbridge.client.host.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discovery for real: announcers and browsers, each its own JmDNS instance, over a
 * multicast-capable interface of this machine. Rooms are random so parallel runs on one network do
 * not see each other's boards as theirs.
 */
class DiscoveryTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final List<AutoCloseable> open = new ArrayList<>();
  private InetAddress on;
  private final String suffix = Long.toString(System.nanoTime(), 36);

  @BeforeEach
  void findInterface() {
    on = MulticastInterface.require();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
  }

  private <T extends AutoCloseable> T keep(T c) {
    open.add(c);
    return c;
  }

  private static List<NetworkBoard> mine(List<NetworkBoard> all, String suffix) {
    return all.stream().filter(b -> b.room().endsWith(suffix)).toList();
  }

  @Test
  void twoBrowsersSeeTwoAnnouncedBoardsLiveUntilTheyStop() throws Exception {
    AtomicReference<List<NetworkBoard>> seenByOne = new AtomicReference<>(List.of());
    AtomicReference<List<NetworkBoard>> seenByTwo = new AtomicReference<>(List.of());
    keep(BoardBrowser.start(on, seenByOne::set));
    keep(BoardBrowser.start(on, seenByTwo::set));
    BoardAnnouncer ann =
        keep(
            BoardAnnouncer.start(on, new Announcement("ann-" + suffix, "Ann", 1, 7464, "abc.def")));
    BoardAnnouncer bo =
        keep(BoardAnnouncer.start(on, new Announcement("bo-" + suffix, "Bo 波", 2, 7465, null)));

    for (AtomicReference<List<NetworkBoard>> seen : List.of(seenByOne, seenByTwo)) {
      Awaitility.await().atMost(WAIT).until(() -> mine(seen.get(), suffix).size() == 2);
      List<NetworkBoard> boards = mine(seen.get(), suffix);
      assertThat(boards)
          .extracting(NetworkBoard::room, NetworkBoard::hostName, NetworkBoard::people)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("ann-" + suffix, "Ann", 1),
              org.assertj.core.groups.Tuple.tuple("bo-" + suffix, "Bo 波", 2));
      assertThat(boards.getFirst().port()).isEqualTo(7464);
      assertThat(boards.getFirst().address()).isEqualTo(on.getHostAddress());
      assertThat(boards.getFirst().token()).isEqualTo("abc.def");
      assertThat(boards.get(1).token()).isNull();
    }

    // The people count follows the board while it is hosted.
    ann.update(ann.current().with(3, "abc.ghi"));
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                mine(seenByOne.get(), suffix).stream()
                    .anyMatch(b -> b.room().startsWith("ann-") && b.people() == 3));
    assertThat(mine(seenByOne.get(), suffix).getFirst().token()).isEqualTo("abc.ghi");

    // Hosting stops: the board leaves the list.
    bo.close();
    open.remove(bo);
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                mine(seenByTwo.get(), suffix).stream().noneMatch(b -> b.room().startsWith("bo-")));
  }

  /** Records a hostile or broken peer might send: none breaks the list, the good one shows. */
  @Test
  void malformedAndHugeRecordsDoNotBreakTheList() throws Exception {
    List<Throwable> listenerErrors = new CopyOnWriteArrayList<>();
    AtomicReference<List<NetworkBoard>> seen = new AtomicReference<>(List.of());
    keep(
        BoardBrowser.start(
            on,
            boards -> {
              try {
                seen.set(boards);
              } catch (Throwable t) {
                listenerErrors.add(t);
              }
            }));
    JmDNS hostile = keep(JmDNS.create(on, "hostile-" + suffix));
    // Raw TXT bytes: a length byte that runs past the end, binary junk, no '='.
    byte[] junk = {(byte) 200, 'v', '=', '1', 0, (byte) 0xff, (byte) 0xfe};
    hostile.registerService(
        ServiceInfo.create(NetworkBoard.SERVICE_TYPE, "junk-" + suffix, 7464, 0, 0, junk));
    // Huge values (every TXT string at its 255-byte limit), a room the relay would refuse.
    String huge = "x".repeat(240);
    hostile.registerService(
        ServiceInfo.create(
            NetworkBoard.SERVICE_TYPE,
            "bad-room-" + suffix,
            7464,
            0,
            0,
            Map.of("v", "1", "room", "../../etc " + huge, "host", huge)));
    // Readable but hostile: a long name with control and bidi characters, an absurd count,
    // a token with characters no relay issues.
    hostile.registerService(
        ServiceInfo.create(
            NetworkBoard.SERVICE_TYPE,
            "odd-" + suffix,
            1,
            0,
            0,
            Map.of(
                "v", "1",
                "room", "odd-" + suffix,
                "host", "\u202eevil\u0007" + "名".repeat(70),
                "people", "99999999999",
                "t0", "not a token <script>")));
    byte[] many = manyKeys();
    hostile.registerService(
        ServiceInfo.create(NetworkBoard.SERVICE_TYPE, "many-" + suffix, 7464, 0, 0, many));
    BoardAnnouncer good =
        keep(BoardAnnouncer.start(on, new Announcement("good-" + suffix, "Ann", 1, 7464, null)));

    Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                mine(seen.get(), suffix).stream().anyMatch(b -> b.room().startsWith("good-"))
                    && mine(seen.get(), suffix).stream()
                        .anyMatch(b -> b.room().startsWith("odd-")));
    // Give the broken records time to arrive and be read (and dropped).
    Thread.sleep(1_500);
    List<NetworkBoard> boards = mine(seen.get(), suffix);
    assertThat(boards).extracting(NetworkBoard::room).doesNotContain("junk-" + suffix);
    assertThat(boards).noneMatch(b -> b.room().contains("/"));
    NetworkBoard odd = boards.stream().filter(b -> b.room().startsWith("odd-")).findFirst().get();
    assertThat(odd.hostName()).startsWith("evil名").hasSizeLessThanOrEqualTo(64);
    assertThat(odd.people()).isEqualTo(-1);
    assertThat(odd.token()).isNull();
    assertThat(listenerErrors).isEmpty();
    assertThat(good.current().room()).isEqualTo("good-" + suffix);
  }

  /** A TXT record of 60 small keys, each a valid string: more keys than a board has. */
  private static byte[] manyKeys() {
    var out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < 60; i++) {
      byte[] s = ("k" + i + "=" + i).getBytes(StandardCharsets.UTF_8);
      out.write(s.length);
      out.writeBytes(s);
    }
    return out.toByteArray();
  }
}
