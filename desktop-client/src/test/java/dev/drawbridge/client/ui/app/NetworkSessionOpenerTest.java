package dev.drawbridge.client.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.client.sync.Transport;
import dev.drawbridge.client.sync.TransportListener;
import dev.drawbridge.client.ui.settings.Settings;
import dev.drawbridge.client.ui.start.JoinForm;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The opener connects each board through a transport of its own, from the supplier it is given. */
class NetworkSessionOpenerTest {
  @TempDir Path home;

  @Test
  void eachBoardDialsItsRoomThroughItsOwnSuppliedTransport() {
    List<RecordingTransport> made = new ArrayList<>();
    NetworkSessionOpener opener =
        new NetworkSessionOpener(
            home,
            Runnable::run,
            () -> {
              RecordingTransport t = new RecordingTransport();
              made.add(t);
              return t;
            });

    BoardSession team =
        opener.open(
            new JoinForm("ws://relay.test:4000", "team", "Ann", "tok"), Settings.defaults());
    BoardSession notes =
        opener.open(new JoinForm("ws://relay.test:4000", "notes", "Ann", ""), Settings.defaults());
    try {
      assertThat(made).hasSize(2);
      assertThat(made.get(0).dialled)
          .containsExactly(URI.create("ws://relay.test:4000/v1/rooms/team"));
      assertThat(made.get(0).headers).containsExactly(Map.of("Authorization", "Bearer tok"));
      assertThat(made.get(1).dialled)
          .containsExactly(URI.create("ws://relay.test:4000/v1/rooms/notes"));
      assertThat(made.get(1).headers).containsExactly(Map.of());
    } finally {
      team.close();
      notes.close();
    }
    // Each session closed its own connection, and only its own.
    assertThat(made).allSatisfy(t -> assertThat(t.closes).isEqualTo(1));
  }

  @Test
  void sharedBoardsKeepTheirPicturesInTheAppWideStore() {
    NetworkSessionOpener opener =
        new NetworkSessionOpener(home, Runnable::run, RecordingTransport::new);
    BoardSession team =
        opener.open(new JoinForm("ws://relay.test:4000", "team", "Ann", ""), Settings.defaults());
    try {
      byte[] png = dev.drawbridge.client.blob.TestImages.png(4, 4, 1);
      String id = team.blobs().put(png);
      assertThat(dev.drawbridge.client.blob.BlobStore.in(home).get(id)).contains(png);
      assertThat(team.holdsImages()).as("no welcome yet").isTrue();
    } finally {
      team.close();
    }
  }

  /** Remembers what it was asked to dial; never opens, so the session stays connecting. */
  private static final class RecordingTransport implements Transport {
    final List<URI> dialled = new ArrayList<>();
    final List<Map<String, String>> headers = new ArrayList<>();
    int closes;

    @Override
    public void connect(URI uri, Map<String, String> headers, TransportListener listener) {
      dialled.add(uri);
      this.headers.add(headers);
    }

    @Override
    public boolean send(String text) {
      return false;
    }

    @Override
    public void close(int code, String reason) {
      closes++;
    }
  }
}
