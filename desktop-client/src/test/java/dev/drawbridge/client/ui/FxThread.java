package dev.drawbridge.client.ui;

import java.util.concurrent.Callable;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/** Runs test code on the JavaFX thread and waits for it (at most 20 s); fine from the FX thread. */
public final class FxThread {
  private FxThread() {}

  public static <T> T fx(Callable<T> call) {
    if (Platform.isFxApplicationThread()) {
      try {
        return call.call();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return WaitForAsyncUtils.waitForAsyncFx(20_000, call);
  }

  public static void onFx(Runnable r) {
    fx(
        () -> {
          r.run();
          return null;
        });
  }
}
