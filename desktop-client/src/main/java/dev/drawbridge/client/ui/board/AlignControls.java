package dev.drawbridge.client.ui.board;

import static org.kordamp.ikonli.materialdesign2.MaterialDesignA.ALIGN_HORIZONTAL_CENTER;
import static org.kordamp.ikonli.materialdesign2.MaterialDesignA.ALIGN_HORIZONTAL_LEFT;
import static org.kordamp.ikonli.materialdesign2.MaterialDesignA.ALIGN_HORIZONTAL_RIGHT;
import static org.kordamp.ikonli.materialdesign2.MaterialDesignA.ALIGN_VERTICAL_BOTTOM;
import static org.kordamp.ikonli.materialdesign2.MaterialDesignA.ALIGN_VERTICAL_CENTER;
import static org.kordamp.ikonli.materialdesign2.MaterialDesignA.ALIGN_VERTICAL_TOP;

import dev.drawbridge.client.geom.Alignment;
import dev.drawbridge.client.geom.Alignment.Edge;
import dev.drawbridge.client.ui.common.Icons;
import dev.drawbridge.client.ui.common.Messages;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;

/**
 * Align and distribute as buttons (the style panel's Selection section) and as a menu (the main
 * menu), with the shortcuts {@link BoardShortcuts} handles shown beside them; and the snap to grid
 * menu item.
 */
final class AlignControls {
  private AlignControls() {}

  /** One command: its message key, icon, node id, shortcut shown, and what it does. */
  private record Command(
      String key,
      Ikon icon,
      String id,
      String keys,
      boolean distribute,
      Predicate<BoardViewModel> run) {
    static Command align(String key, Ikon icon, String id, String keys, Alignment.Edge edge) {
      return new Command(key, icon, id, keys, false, vm -> vm.align(edge));
    }

    static Command spread(String key, Ikon icon, String id, String keys, Alignment.Axis axis) {
      return new Command(key, icon, id, keys, true, vm -> vm.distribute(axis));
    }
  }

  private static final List<Command> ACROSS =
      List.of(
          Command.align("align.left", ALIGN_HORIZONTAL_LEFT, "align-left", "Alt+A", Edge.LEFT),
          Command.align(
              "align.centre", ALIGN_HORIZONTAL_CENTER, "align-centre", "Alt+H", Edge.CENTRE),
          Command.align("align.right", ALIGN_HORIZONTAL_RIGHT, "align-right", "Alt+D", Edge.RIGHT),
          Command.spread(
              "align.distributeH",
              MaterialDesignD.DISTRIBUTE_HORIZONTAL_CENTER,
              "distribute-h",
              "Alt+Shift+H",
              Alignment.Axis.HORIZONTAL));
  private static final List<Command> DOWN =
      List.of(
          Command.align("align.top", ALIGN_VERTICAL_TOP, "align-top", "Alt+W", Edge.TOP),
          Command.align(
              "align.middle", ALIGN_VERTICAL_CENTER, "align-middle", "Alt+V", Edge.MIDDLE),
          Command.align(
              "align.bottom", ALIGN_VERTICAL_BOTTOM, "align-bottom", "Alt+S", Edge.BOTTOM),
          Command.spread(
              "align.distributeV",
              MaterialDesignD.DISTRIBUTE_VERTICAL_CENTER,
              "distribute-v",
              "Alt+Shift+V",
              Alignment.Axis.VERTICAL));

  /** Two rows of buttons: left, centre, right, distribute; top, middle, bottom, distribute. */
  static VBox buttons(BoardViewModel vm, Messages messages) {
    return new VBox(4, row(ACROSS, vm, messages), row(DOWN, vm, messages));
  }

  private static HBox row(List<Command> commands, BoardViewModel vm, Messages messages) {
    HBox row = new HBox(4);
    for (Command c : commands) {
      Button b = Controls.iconButton(messages, c.key(), c.icon(), c.id(), () -> c.run().test(vm));
      b.getTooltip().textProperty().unbind();
      b.getTooltip().textProperty().bind(messages.bind(c.key()).concat(" (" + c.keys() + ")"));
      b.disableProperty().bind(applies(vm, c).not());
      row.getChildren().add(b);
    }
    return row;
  }

  /** The Align submenu of the main menu. */
  static Menu menu(BoardViewModel vm, Messages messages, ObservableBooleanValue viewOnly) {
    Menu menu = new Menu();
    menu.setId("align-menu");
    menu.setGraphic(Icons.of(ALIGN_HORIZONTAL_LEFT));
    menu.textProperty().bind(messages.bind("align.menu"));
    menu.disableProperty().bind(BooleanExpression.booleanExpression(viewOnly));
    for (List<Command> group : List.of(ACROSS, DOWN)) {
      if (!menu.getItems().isEmpty()) {
        menu.getItems().add(new SeparatorMenuItem());
      }
      for (Command c : group) {
        MenuItem item = new MenuItem();
        item.setId("menu-" + c.id());
        item.textProperty().bind(messages.bind(c.key()).concat("    " + c.keys()));
        item.disableProperty().bind(applies(vm, c).not());
        item.setOnAction(e -> c.run().test(vm));
        menu.getItems().add(item);
      }
    }
    return menu;
  }

  /** "Snap to grid Shift+G", checked while it is on. */
  static CheckMenuItem snapItem(BoardViewModel vm, Messages messages) {
    CheckMenuItem item = new CheckMenuItem();
    item.setId("menu-snap");
    item.textProperty().bind(messages.bind("align.snap").concat("    Shift+G"));
    item.selectedProperty().bindBidirectional(vm.snapToGridProperty());
    return item;
  }

  private static BooleanExpression applies(BoardViewModel vm, Command c) {
    return c.distribute() ? vm.canDistributeProperty() : vm.canAlignProperty();
  }
}
