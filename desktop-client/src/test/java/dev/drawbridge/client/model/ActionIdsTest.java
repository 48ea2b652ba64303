package dev.drawbridge.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drawbridge.protocol.validation.Require;
import org.junit.jupiter.api.Test;

/** Op ids that mark one action's ops (R129), and ids that only look a little like them. */
class ActionIdsTest {
  @Test
  void anActionsIdsAreValidOpIdsAndReadBack() {
    String key = ActionIds.newKey();
    String id = ActionIds.of(key, 2, 3);
    assertThat(Require.id(id, "id")).isEqualTo(id);
    assertThat(Require.id(ActionIds.of(key, 0, ActionIds.MAX_COUNT), "id")).isNotNull();
    ActionIds.Mark mark = ActionIds.parse(id);
    assertThat(mark).isEqualTo(new ActionIds.Mark(key, 2, 3));
    assertThat(mark.last()).isTrue();
    assertThat(ActionIds.parse(ActionIds.of(key, 1, 3)).followedBy(mark)).isTrue();
    assertThat(mark.followedBy(ActionIds.parse(ActionIds.of(key, 1, 3)))).isFalse();
  }

  @Test
  void idsNotOfTheFormAreOneOpActions() {
    for (String id :
        new String[] {
          "op-ana-0042",
          Ids.random(),
          "k:1",
          ":0:2",
          "k:0:1",
          "k:2:2",
          "k:-1:2",
          "k:01:3",
          "k:0:03",
          "k:0:1000000000",
          "k:0:99999999999",
          "a:b:0:2",
          "k::2",
          "k:0:",
          "k:x:2"
        }) {
      assertThat(ActionIds.parse(id)).as(id).isNull();
    }
  }

  @Test
  void aMarkNeedsSeveralOps() {
    assertThatThrownBy(() -> ActionIds.of("k", 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ActionIds.of("k", 3, 3)).isInstanceOf(IllegalArgumentException.class);
  }
}
