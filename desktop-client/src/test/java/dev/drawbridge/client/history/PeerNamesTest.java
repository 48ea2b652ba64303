package dev.drawbridge.client.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.message.Peer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerNamesTest {
  @Test
  void namesLearntFromPeersOrTheIdShortened() {
    PeerNames names = new PeerNames();
    assertThat(names.learn(List.of(new Peer("client-ana-1234", "Ana", "#e03131", "editor"))))
        .isTrue();
    assertThat(names.learn(List.of(new Peer("client-ana-1234", "Ana", "#e03131", "editor"))))
        .isFalse();
    assertThat(names.nameOf("client-ana-1234")).isEqualTo("Ana");
    assertThat(names.nameOf("client-ben-5678")).isEqualTo("client-b…");
    assertThat(names.nameOf("ben")).isEqualTo("ben");
    names.learn("client-ana-1234", "Ana B.");
    assertThat(names.nameOf("client-ana-1234")).isEqualTo("Ana B.");
  }

  @Test
  void rememberedInAFileThatMayBeMissingOrDamaged(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub").resolve("names.properties");
    assertThat(PeerNames.read(file).nameOf("client-ana-1234")).isEqualTo("client-a…");
    PeerNames names = new PeerNames();
    names.learn("client-ana-1234", "安娜 = Ana: #1");
    PeerNames.write(names.snapshot(), file);
    assertThat(PeerNames.read(file).nameOf("client-ana-1234")).isEqualTo("安娜 = Ana: #1");
    Files.write(file, new byte[] {'a', '=', '\\', 'u', '1'});
    assertThat(PeerNames.read(file).nameOf("a")).isEqualTo("a");
  }

  @Test
  void keepsTheMostRecentNamesOnly() {
    PeerNames names = new PeerNames();
    for (int i = 0; i <= PeerNames.MAX_NAMES; i++) {
      names.learn("c" + i, "n" + i);
    }
    assertThat(names.snapshot()).hasSize(PeerNames.MAX_NAMES).doesNotContainKey("c0");
  }
}
