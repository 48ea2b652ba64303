package dev.drawbridge.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolVersion;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The state machine on its own: a fake transport and an owner that records, no session. */
class ConnectionTest {
  private static final Connection.Endpoint ENDPOINT =
      new Connection.Endpoint(
          URI.create("ws://relay.test:4000/v1/rooms/r"), Map.of("Authorization", "Bearer t"));
  private static final Connection.Timings TIMINGS =
      new Connection.Timings(
          Duration.ofSeconds(10), Duration.ofSeconds(25), Duration.ofSeconds(10));

  private final FakeTransport transport = new FakeTransport();
  private final ManualScheduler scheduler = new ManualScheduler();
  private final RecordingOwner owner = new RecordingOwner();
  private final Connection connection =
      new Connection(
          transport,
          ENDPOINT,
          TIMINGS,
          scheduler.clock,
          new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random(7)),
          new UiTimers(scheduler, Runnable::run),
          new ProtocolCodec(),
          owner,
          true);

  @Test
  void dialsTheEndpointAndSaysTheOwnersHelloOnceOpen() {
    connection.start();
    assertThat(transport.connects).containsExactly(ENDPOINT.uri());
    assertThat(transport.headers).containsExactly(ENDPOINT.headers());
    assertThat(owner.states).containsExactly(new ConnectionState.Connecting());

    transport.open();
    transport.receive(new ServerMessage.Pong(1));
    connection.synced();

    assertThat(transport.sent(ClientMessage.Hello.class)).containsExactly(owner.hello());
    assertThat(owner.received).hasSize(1).allMatch(text -> text.contains("pong"));
    assertThat(owner.states)
        .containsExactly(
            new ConnectionState.Connecting(),
            new ConnectionState.Syncing(),
            new ConnectionState.Synced());
    assertThat(connection.isSynced()).isTrue();
  }

  @Test
  void aSilentRelayIsDroppedAndDialledAgainAfterTheBackoff() {
    connection.start();
    transport.open();
    connection.synced();
    scheduler.advance(Duration.ofSeconds(10));
    assertThat(transport.sent(ClientMessage.Ping.class)).hasSize(1);

    scheduler.advance(Duration.ofSeconds(20));

    assertThat(transport.closes).isEqualTo(1);
    assertThat(owner.drops).isEqualTo(1);
    assertThat(owner.states.getLast()).isInstanceOf(ConnectionState.Reconnecting.class);
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(transport.connects).hasSize(2);
  }

  @Test
  void aTerminalCloseCodeFailsWithoutRetrying() {
    connection.start();
    transport.open();

    transport.dropFromServer(CloseCodes.UNAUTHORIZED, "bad token");
    scheduler.advance(Duration.ofMinutes(5));

    assertThat(owner.states.getLast())
        .isInstanceOfSatisfying(
            ConnectionState.Failed.class,
            f -> assertThat(f.kind()).isEqualTo(ConnectionState.Failed.Kind.UNAUTHORIZED));
    assertThat(owner.drops).isEqualTo(1);
    assertThat(transport.connects).hasSize(1);
  }

  /** A board never connected from here (the last constructor argument false). */
  private Connection firstTime() {
    return new Connection(
        transport,
        ENDPOINT,
        TIMINGS,
        scheduler.clock,
        new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random(7)),
        new UiTimers(scheduler, Runnable::run),
        new ProtocolCodec(),
        owner,
        false);
  }

  @Test
  void aFirstConnectionThatFindsNobodySaysSoAndKeepsTryingQuietlyUntilARelayAnswers() {
    Connection first = firstTime();
    first.start();
    transport.failToConnect(ConnectFailure.NO_ANSWER);
    assertThat(owner.states.getLast())
        .isInstanceOfSatisfying(
            ConnectionState.Failed.class,
            f -> assertThat(f.kind()).isEqualTo(ConnectionState.Failed.Kind.NO_ANSWER));

    scheduler.advance(Duration.ofSeconds(1));
    assertThat(transport.connects).hasSize(2);
    transport.failToConnect(ConnectFailure.NO_ANSWER);
    scheduler.advance(Duration.ofSeconds(2));
    assertThat(transport.connects).hasSize(3);
    // No "reconnecting" for a board that never connected: the card stays until a relay answers.
    assertThat(owner.states).noneMatch(ConnectionState.Reconnecting.class::isInstance);

    transport.open();
    assertThat(owner.states.getLast()).isEqualTo(new ConnectionState.Syncing());
  }

  @Test
  void aFirstConnectionToSomethingThatIsNotARelayWaitsForTheUser() {
    Connection first = firstTime();
    first.start();
    transport.rejectHandshake(200);
    scheduler.advance(Duration.ofMinutes(5));
    assertThat(owner.states.getLast())
        .isInstanceOfSatisfying(
            ConnectionState.Failed.class,
            f -> assertThat(f.kind()).isEqualTo(ConnectionState.Failed.Kind.NOT_A_RELAY));
    assertThat(transport.connects).hasSize(1);
  }

  /**
   * A relay killed while it sends a newcomer its first catch-up: it comes back; so does the app.
   */
  @Test
  void aDropAfterTheFirstWelcomeIsALostConnectionThatIsRetried() {
    Connection first = firstTime();
    first.start();
    transport.open();
    first.welcomed();
    transport.dropFromServer(1006, "");
    assertThat(owner.states.getLast()).isInstanceOf(ConnectionState.Reconnecting.class);
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(transport.connects).hasSize(2);
  }

  @Test
  void eventsFromAConnectionGivenUpAreIgnored() {
    connection.start();
    transport.open();
    connection.goOffline();
    List<ConnectionState> before = List.copyOf(owner.states);

    transport.receive(new ServerMessage.Pong(1));
    transport.dropFromServer(1006, "late");

    assertThat(owner.received).isEmpty();
    assertThat(owner.states).isEqualTo(before).endsWith(new ConnectionState.Offline());
  }

  private static final class RecordingOwner implements Connection.Owner {
    final List<ConnectionState> states = new ArrayList<>();
    final List<String> received = new ArrayList<>();
    int drops;

    @Override
    public ClientMessage.Hello hello() {
      return new ClientMessage.Hello(ProtocolVersion.CURRENT, "c1", "Ada", "#112233", 0, null);
    }

    @Override
    public void received(String text) {
      received.add(text);
    }

    @Override
    public void dropped() {
      drops++;
    }

    @Override
    public void stateChanged(ConnectionState state) {
      states.add(state);
    }
  }
}
