package dev.drawbridge.client.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.ui.settings.PeoplePalette;
import dev.drawbridge.protocol.message.Peer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorColoursTest {
  @Test
  void peopleKeepTheirOwnColourAndNameAfterTheyLeave() {
    AuthorColours colours = new AuthorColours();
    colours.learn(List.of(new Peer("client-ana", "Ana", "#2f9e44", "editor")));
    colours.learn(List.of()); // Ana left
    assertThat(colours.colourOf("client-ana")).isEqualTo("#2f9e44");
    assertThat(colours.nameOf("client-ana")).isEqualTo("Ana");
    assertThat(colours.nameOf("client-zed")).isNull();
  }

  @Test
  void anUnknownAuthorGetsAStablePaletteColourFromTheirId() {
    AuthorColours colours = new AuthorColours();
    String c = colours.colourOf("client-zed");
    assertThat(PeoplePalette.COLORS).contains(c);
    assertThat(new AuthorColours().colourOf("client-zed")).isEqualTo(c);
    assertThat(AuthorColours.stableColour("client-zed")).isEqualTo(c);
    // Different ids spread over the palette.
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      seen.add(AuthorColours.stableColour("client-" + i));
    }
    assertThat(seen.size()).isGreaterThanOrEqualTo(PeoplePalette.COLORS.size() - 1);
  }
}
