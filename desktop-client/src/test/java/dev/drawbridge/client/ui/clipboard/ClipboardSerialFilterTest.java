package dev.drawbridge.client.ui.clipboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/** What JavaFX may deserialize from another program's clipboard content: strings only. */
class ClipboardSerialFilterTest {
  @Test
  void stringsPassAndOtherClassesAreRefusedBeforeTheyAreBuilt() throws Exception {
    assertThat(read(serialized("{\"format\":\"drawbridge-clipboard\"}")))
        .isEqualTo("{\"format\":\"drawbridge-clipboard\"}");
    HashMap<String, String> gadget = new HashMap<>();
    gadget.put("a", "b");
    assertThatThrownBy(() -> read(serialized(gadget))).isInstanceOf(InvalidClassException.class);
  }

  private static Object read(byte[] bytes) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      in.setObjectInputFilter(ClipboardSerialFilter.FILTER);
      return in.readObject();
    }
  }

  private static byte[] serialized(Object o) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.toByteArray();
  }
}
