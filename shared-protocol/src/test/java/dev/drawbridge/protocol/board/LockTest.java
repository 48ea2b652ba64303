package dev.drawbridge.protocol.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import org.junit.jupiter.api.Test;

/** Locked elements (docs/protocol.md R127–R128), including hostile input. */
class LockTest {
  private static final ProtocolCodec codec = new ProtocolCodec();
  private static final Element BOX =
      Element.shape("box", ElementKind.RECTANGLE, 0, 0, 100, 50, Style.DEFAULT, 1);

  @Test
  void unlockedIsNullNeverFalseAndOnlyLockedElementsDigestIt() throws ProtocolException {
    assertThat(BOX.withLocked(false)).isEqualTo(BOX);
    assertThat(BOX.locked()).isNull();
    assertThat(BOX.withLocked(true).hasLock()).isTrue();
    assertThat(BOX.withLocked(false).digest()).isEqualTo(BOX.digest());
    assertThat(BOX.withLocked(true).digest()).isNotEqualTo(BOX.digest());
    // "locked": false on the wire reads as unlocked, and is not written back.
    String json = codec.encodeOp(new Op.AddElement(BOX.withLocked(true)));
    Op read = codec.decodeOp(json.replace("\"locked\":true", "\"locked\":false"));
    assertThat(((Op.AddElement) read).element()).isEqualTo(BOX);
    assertThat(codec.encodeOp(read)).doesNotContain("locked");
  }

  @Test
  void aLockIsAPropertyTheReducerDoesNotEnforce() {
    BoardState state = new BoardState();
    state.apply(1, "a", new Op.AddElement(BOX));
    String unlocked = state.hash();
    ElementPatch lock = ElementPatch.NONE.withLocked(true);
    state.apply(2, "l", new Op.UpdateElement("box", lock));
    assertThat(state.get("box").hasLock()).isTrue();
    assertThat(lock.inverseOn(BOX).locked()).isFalse();
    // An old client's move applies on every member alike (R127: advice, not a reducer rule).
    state.apply(3, "m", new Op.UpdateElement("box", ElementPatch.move(40, 40)));
    assertThat(state.get("box").x()).isEqualTo(40);
    assertThat(state.get("box").hasLock()).isTrue();
    state.apply(4, "u", new Op.UpdateElement("box", ElementPatch.NONE.withLocked(false)));
    state.apply(5, "b", new Op.UpdateElement("box", ElementPatch.move(0, 0)));
    assertThat(state.hash()).isEqualTo(unlocked);
  }

  @Test
  void aLockThatIsNotABooleanIsRefused() {
    String update = "{\"type\":\"update\",\"elementId\":\"box\",\"patch\":{\"locked\":%s}}";
    for (String bad : new String[] {"\"yes\"", "{}", "[true]"}) {
      try {
        codec.decodeOp(update.formatted(bad));
        throw new AssertionError("decoded " + bad);
      } catch (ProtocolException e) {
        assertThat(e.reason()).as(bad).isEqualTo(ProtocolException.Reason.WRONG_TYPE);
      }
    }
  }
}
