package dev.drawbridge.client.instance;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A running instance in its own JVM, for the kill test: {@code <home>} claims the home, prints "@@
 * READY" (or "@@ HELD" when it could not) and every hand-off it receives, then waits to be killed.
 */
public final class InstanceHolder {
  private InstanceHolder() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    var instance = SingleInstance.claim(Path.of(args[0]));
    if (instance.isEmpty()) {
      out.println("@@ HELD");
      return;
    }
    instance.get().deliverTo(arguments -> out.println("@@ GOT " + arguments));
    out.println("@@ READY");
    new CountDownLatch(1).await();
  }
}
