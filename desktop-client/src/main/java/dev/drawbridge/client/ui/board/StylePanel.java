package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.geom.NoteLayout;
import dev.drawbridge.client.ui.canvas.ElementPainter;
import dev.drawbridge.client.ui.common.Icons;
import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.protocol.element.Dash;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/**
 * The style island: palette and custom colour, size, fill, opacity, and arranging the selection
 * (order, delete, align and distribute). Everything binds to the {@link BoardViewModel}.
 */
final class StylePanel {
  private StylePanel() {}

  /**
   * {@code panel} in an island that scrolls it when the window is too short to show it whole (the
   * panel is ~560 px tall; a laptop's window can have less between the top row and the zoom bar).
   */
  static ScrollPane scrolling(VBox panel) {
    panel.getStyleClass().remove("island");
    ScrollPane scroll = new ScrollPane(panel);
    scroll.getStyleClass().addAll("island", "style-scroll");
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
    scroll.setMinHeight(0);
    return scroll;
  }

  /**
   * @param dark whether the board is dark: the swatches show each ink as it is drawn there (the
   *     default near-black ink is drawn light on a dark board, see {@link
   *     ElementPainter#displayColor})
   */
  static VBox build(BoardViewModel vm, Messages messages, ObservableBooleanValue dark) {
    StyleControls controls = vm.styleControls();
    VBox panel = new VBox(10);
    panel.getStyleClass().addAll("island", "style-panel");
    panel.setId("style-panel");

    Label strokeLabel = Controls.sectionLabel(messages, "style.color");
    HBox swatches = new HBox(4);
    swatches.setAlignment(Pos.CENTER_LEFT);
    ToggleGroup colors = new ToggleGroup();
    for (String c : StyleChoice.PALETTE) {
      ToggleButton swatch = new ToggleButton();
      Circle dot = new Circle(8);
      dot.getStyleClass().add("swatch-dot");
      dot.fillProperty()
          .bind(
              Bindings.createObjectBinding(() -> ElementPainter.displayColor(c, dark.get()), dark));
      swatch.setGraphic(dot);
      swatch.getStyleClass().add("swatch");
      swatch.setUserData(c);
      swatch.setToggleGroup(colors);
      swatch.setFocusTraversable(false);
      swatch.setOnAction(e -> controls.colorProperty().set(c));
      swatches.getChildren().add(swatch);
    }
    ColorPicker picker = new ColorPicker(Color.web(controls.colorProperty().get()));
    picker.setId("color-picker");
    picker.getStyleClass().add(ColorPicker.STYLE_CLASS_BUTTON);
    picker.setFocusTraversable(false);
    picker.setOnAction(e -> controls.colorProperty().set(Controls.toWeb(picker.getValue())));
    Tooltip pickTip = new Tooltip();
    pickTip.textProperty().bind(messages.bind("style.custom"));
    picker.setTooltip(pickTip);
    controls
        .colorProperty()
        .addListener(
            (o, a, b) -> {
              picker.setValue(Color.web(b));
              colors.selectToggle(
                  colors.getToggles().stream()
                      .filter(t -> b.equalsIgnoreCase((String) t.getUserData()))
                      .findFirst()
                      .orElse(null));
            });
    colors.selectToggle(colors.getToggles().getFirst());

    Label noteLabel = Controls.sectionLabel(messages, "note.color");
    HBox noteSwatches = noteSwatches(vm);

    Label sizeLabel = Controls.sectionLabel(messages, "style.size");
    HBox sizes = new HBox(4);
    ToggleGroup sizeGroup = new ToggleGroup();
    String[] sizeKeys = {"style.size.s", "style.size.m", "style.size.l"};
    for (int i = 0; i < 3; i++) {
      int index = i;
      ToggleButton b = new ToggleButton();
      b.textProperty().bind(messages.bind(sizeKeys[i]));
      b.setToggleGroup(sizeGroup);
      b.setId("size-" + i);
      b.setFocusTraversable(false);
      b.setOnAction(
          e -> {
            controls.sizeProperty().set(index);
            sizeGroup.selectToggle(b);
          });
      sizes.getChildren().add(b);
    }
    controls
        .sizeProperty()
        .addListener((o, a, b) -> sizeGroup.selectToggle(sizeGroup.getToggles().get(b.intValue())));
    sizeGroup.selectToggle(sizeGroup.getToggles().get(controls.sizeProperty().get()));

    ToggleButton fill = new ToggleButton();
    fill.setId("fill");
    fill.setGraphic(Icons.of(MaterialDesignF.FORMAT_COLOR_FILL));
    fill.textProperty().bind(messages.bind("style.fill"));
    fill.selectedProperty().bindBidirectional(controls.fillProperty());
    fill.setFocusTraversable(false);

    ToggleButton elbow = new ToggleButton();
    elbow.setId("elbow");
    elbow.setGraphic(Icons.of(MaterialDesignV.VECTOR_POLYLINE));
    elbow.textProperty().bind(messages.bind("connector.elbow"));
    elbow.selectedProperty().bindBidirectional(controls.elbowProperty());
    elbow.setFocusTraversable(false);
    javafx.scene.control.Tooltip elbowTip = new javafx.scene.control.Tooltip();
    elbowTip.textProperty().bind(messages.bind("connector.elbow.tooltip"));
    elbow.setTooltip(elbowTip);

    Label opacityLabel = Controls.sectionLabel(messages, "style.opacity");
    Slider opacity = new Slider(0.1, 1, 1);
    opacity.setId("opacity");
    opacity.setFocusTraversable(false);
    opacity.setPrefWidth(150);
    opacity
        .valueProperty()
        .addListener(
            (o, a, b) -> {
              if (!opacity.isValueChanging()) {
                controls.opacityProperty().set(Math.round(b.doubleValue() * 100) / 100.0);
              }
            });
    opacity
        .valueChangingProperty()
        .addListener(
            (o, a, changing) -> {
              if (!changing) {
                controls.opacityProperty().set(Math.round(opacity.getValue() * 100) / 100.0);
              }
            });
    controls.opacityProperty().addListener((o, a, b) -> opacity.setValue(b.doubleValue()));

    HBox arrange = new HBox(4);
    arrange
        .getChildren()
        .addAll(
            Controls.iconButton(
                messages,
                "arrange.front",
                MaterialDesignA.ARRANGE_BRING_TO_FRONT,
                "bring-front",
                vm::bringToFront),
            Controls.iconButton(
                messages,
                "arrange.back",
                MaterialDesignA.ARRANGE_SEND_TO_BACK,
                "send-back",
                vm::sendToBack),
            groupButton(vm, messages, true),
            groupButton(vm, messages, false),
            Controls.iconButton(
                messages,
                "arrange.delete",
                MaterialDesignD.DELETE_OUTLINE,
                "delete-selection",
                vm::deleteSelection));
    arrange.disableProperty().bind(vm.hasSelectionProperty().not());

    panel
        .getChildren()
        .addAll(
            strokeLabel,
            swatches,
            picker,
            noteLabel,
            noteSwatches,
            sizeLabel,
            sizes,
            new HBox(4, fill, elbow),
            dashes(controls, messages),
            opacityLabel,
            opacity,
            Controls.sectionLabel(messages, "style.arrange"),
            arrange,
            AlignControls.buttons(vm, messages));
    return panel;
  }

  /**
   * Solid, dashed or dotted outlines (R125): for new elements, and a click restyles the selection.
   * Each button shows its line.
   */
  private static HBox dashes(StyleControls controls, Messages messages) {
    HBox row = new HBox(4);
    row.setId("dashes");
    ToggleGroup group = new ToggleGroup();
    for (Dash d : Dash.values()) {
      javafx.scene.shape.Line line = new javafx.scene.shape.Line(0, 0, 22, 0);
      line.setStrokeWidth(2);
      line.setStrokeLineCap(javafx.scene.shape.StrokeLineCap.ROUND);
      line.getStyleClass().add("dash-sample");
      for (double v : d.pattern(1.2)) {
        line.getStrokeDashArray().add(v);
      }
      ToggleButton b = new ToggleButton();
      b.setGraphic(line);
      b.setId("dash-" + d.name().toLowerCase(java.util.Locale.ROOT));
      b.setUserData(d);
      b.setToggleGroup(group);
      b.setFocusTraversable(false);
      Tooltip tip = new Tooltip();
      tip.textProperty()
          .bind(messages.bind("style.dash." + d.name().toLowerCase(java.util.Locale.ROOT)));
      b.setTooltip(tip);
      b.setOnAction(
          e -> {
            group.selectToggle(b);
            controls.dashProperty().set(d);
          });
      row.getChildren().add(b);
    }
    Runnable show =
        () ->
            group.getToggles().stream()
                .filter(t -> t.getUserData() == controls.dashProperty().get())
                .findFirst()
                .ifPresent(group::selectToggle);
    controls.dashProperty().addListener((o, a, b) -> show.run());
    show.run();
    return row;
  }

  /** Group (Ctrl+G) or Ungroup (Ctrl+Shift+G), enabled when it would change something (R122). */
  private static javafx.scene.control.Button groupButton(
      BoardViewModel vm, Messages messages, boolean group) {
    String key = group ? "arrange.group" : "arrange.ungroup";
    javafx.scene.control.Button b =
        Controls.iconButton(
            messages,
            key,
            group
                ? org.kordamp.ikonli.materialdesign2.MaterialDesignG.GROUP
                : org.kordamp.ikonli.materialdesign2.MaterialDesignU.UNGROUP,
            group ? "group" : "ungroup",
            group ? vm::group : vm::ungroup);
    b.disableProperty().bind((group ? vm.canGroupProperty() : vm.canUngroupProperty()).not());
    return b;
  }

  /**
   * The sticky-note papers: the colour of new notes, and a click recolours the selected notes. The
   * papers look the same on both themes, as notes are drawn (ElementPainter).
   */
  private static HBox noteSwatches(BoardViewModel vm) {
    StyleControls controls = vm.styleControls();
    HBox row = new HBox(4);
    row.setId("note-colors");
    row.setAlignment(Pos.CENTER_LEFT);
    ToggleGroup group = new ToggleGroup();
    for (int i = 0; i < NoteLayout.PALETTE.size(); i++) {
      String c = NoteLayout.PALETTE.get(i);
      ToggleButton swatch = new ToggleButton();
      javafx.scene.shape.Rectangle paper = new javafx.scene.shape.Rectangle(14, 14, Color.web(c));
      paper.setStroke(Color.web(c).darker());
      swatch.setGraphic(paper);
      swatch.getStyleClass().add("swatch");
      swatch.setId("note-color-" + i);
      swatch.setUserData(c);
      swatch.setToggleGroup(group);
      swatch.setFocusTraversable(false);
      swatch.setOnAction(
          e -> {
            group.selectToggle(swatch);
            if (c.equals(controls.noteColorProperty().get())) {
              // Same paper as new notes already get: still recolour a selection of other papers.
              vm.edits().recolourNotes(c);
            } else {
              controls.noteColorProperty().set(c);
            }
          });
      row.getChildren().add(swatch);
    }
    controls
        .noteColorProperty()
        .addListener(
            (o, a, b) ->
                group.selectToggle(
                    group.getToggles().stream()
                        .filter(t -> b.equalsIgnoreCase((String) t.getUserData()))
                        .findFirst()
                        .orElse(null)));
    group.selectToggle(group.getToggles().getFirst());
    return row;
  }
}
