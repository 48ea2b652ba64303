package dev.drawbridge.client.ui.app;

import dev.drawbridge.client.host.HostedRelay;
import dev.drawbridge.client.model.Ids;
import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.client.sync.ConnectionState;
import dev.drawbridge.client.sync.SessionListener;
import dev.drawbridge.client.sync.Transport;
import dev.drawbridge.client.ui.settings.Settings;
import dev.drawbridge.client.ui.start.JoinForm;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.element.ZOrder;
import dev.drawbridge.protocol.message.Cursor;
import dev.drawbridge.protocol.op.Op;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A second person for the hosted demo ({@code -Ddrawbridge.demo=host}): a real client that joins
 * the hosted room through the relay, circles a word and leaves its pointer on the board, so the
 * screenshot shows what working together looks like.
 */
final class DemoGuest {
  private DemoGuest() {}

  static BoardSession join(
      String serverUrl, String token, Path dataDir, Executor ui, Supplier<Transport> transports) {
    JoinForm form = new JoinForm(serverUrl, HostedRelay.DEFAULT_ROOM, "Bo", token);
    Settings settings = Settings.defaults().withProfile("Bo", "#2f9e44", "light", "en");
    BoardSession guest = new NetworkSessionOpener(dataDir, ui, transports).open(form, settings);
    guest.addListener(
        new SessionListener() {
          private boolean done;

          @Override
          public void stateChanged(ConnectionState state) {
            if (done || !(state instanceof ConnectionState.Synced)) {
              return;
            }
            done = true;
            float[] ring = new float[64];
            for (int i = 0; i < 32; i++) {
              double t = i / 31.0 * Math.PI * 2.15;
              ring[2 * i] = (float) (Math.cos(t) * 95);
              ring[2 * i + 1] = (float) (Math.sin(t) * 32);
            }
            guest
                .board()
                .submit(
                    new Op.AddElement(
                        Element.freehand(
                                Ids.random(),
                                ElementKind.STROKE,
                                187,
                                170,
                                Points.of(ring),
                                new Style("#2f9e44", 3, false, 1, 20),
                                ZOrder.above(guest.board().view().topZ()))
                            .withAuthor(guest.clientId())));
            guest.sendPresence(new Cursor(268, 196), List.of());
          }
        });
    return guest;
  }
}
