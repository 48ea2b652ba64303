package dev.drawbridge.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: ui → sync → model → protocol; inside ui, from the app shell to the
 * screens to the parts they are built from (docs/architecture.md).
 */
class ArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.drawbridge.client");

  @Test
  void theModelIsPureJava() {
    noClasses()
        .that()
        .resideInAPackage("..client.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "..client.sync..", "..client.ui..", "..client.io..")
        .because("every rule of the board is unit-tested without a screen, a relay or files")
        .check(MAIN);
  }

  @Test
  void syncDoesNotKnowTheUi() {
    noClasses()
        .that()
        .resideInAPackage("..client.sync..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "..client.ui..", "..client.io..")
        .because("the sync engine is headless: tests, benchmarks and client processes run it alone")
        .check(MAIN);
  }

  @Test
  void syncKnowsNoTransportImplementation() {
    noClasses()
        .that()
        .resideInAPackage("dev.drawbridge.client.sync..")
        .and()
        .resideOutsideOfPackage("dev.drawbridge.client.sync.ws..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.drawbridge.client.sync.ws..")
        .because(
            "the app hands the sync engine its transport, so the engine runs unchanged on a fake"
                + " or another socket library")
        .check(MAIN);
  }

  @Test
  void noPackageCycles() {
    // "(client..)" makes client, client.ui, client.ui.board, ... one slice each. Checked with
    // deliberate cycles client <-> client.model, sync <-> sync.ws and ui.common <-> ui.settings:
    // each fails this rule, while "client.(**)" misses the first (it leaves client itself out).
    slices()
        .matching("dev.drawbridge.(client..)")
        .should()
        .beFreeOfCycles()
        .because(
            "each package can be read, tested and changed from the packages below it; a transport"
                + " implements the sync engine's interfaces, never the other way")
        .check(MAIN);
  }

  @Test
  void onlyTheAppShellKnowsTheScreens() {
    noClasses()
        .that()
        .resideOutsideOfPackages("..client.ui.app..", "..client.ui.start..", "..client.ui.board..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..client.ui.start..", "..client.ui.board..")
        .because(
            "the window decides which screen shows; the parts screens are built from serve any"
                + " screen")
        .check(MAIN);
  }

  @Test
  void screensDoNotKnowEachOther() {
    noClasses()
        .that()
        .resideInAPackage("..client.ui.start..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..client.ui.board..")
        .because(
            "the start screen asks the window for a board through StartView.Actions, so either"
                + " screen changes alone")
        .check(MAIN);
    noClasses()
        .that()
        .resideInAPackage("..client.ui.board..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..client.ui.start..")
        .because(
            "the board screen asks the window to leave or open a file through Shell, so either"
                + " screen changes alone")
        .check(MAIN);
  }

  @Test
  void nothingReachesIntoTheAppShell() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..client.ui.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..client.ui.app..")
        .because(
            "the shell wires screens, sessions and the hosted relay together; what it wires is"
                + " tested without it")
        .check(MAIN);
  }

  @Test
  void canvasToolsAndGeometryKnowNoScreen() {
    noClasses()
        .that()
        .resideInAnyPackage("..client.ui.canvas..", "..client.ui.tool..", "..client.geom..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..client.ui.app..",
            "..client.ui.start..",
            "..client.ui.board..",
            "..client.ui.settings..",
            "..client.ui.common..")
        .because(
            "the drawing surface and the tools take what they need (board, viewport, style) from"
                + " whoever uses them, so they are tested and benchmarked without a window")
        .check(MAIN);
  }

  @Test
  void toolsAndGeometryNeedNoJavaFx() {
    noClasses()
        .that()
        .resideInAnyPackage("..client.ui.tool..", "..client.geom..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "..client.sync..")
        .because("tools and geometry are tested by feeding them input, with no toolkit or session")
        .check(MAIN);
  }

  @Test
  void geometryAndHostingKnowNoUi() {
    noClasses()
        .that()
        .resideInAnyPackage("..client.geom..", "..client.host..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "..client.ui..", "..client.io..")
        .because(
            "geometry serves the canvas, the tools and the exporters alike, and the hosted relay"
                + " runs the same whichever screen started it")
        .check(MAIN);
  }

  @Test
  void invitesAndTheInstanceLockKnowNoUi() {
    noClasses()
        .that()
        .resideInAnyPackage("..client.invite..", "..client.instance..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "..client.ui..", "..client.sync..")
        .because(
            "a link and a hand-off are read the same from the command line, a second launch and"
                + " the start screen, and are tested with real files and sockets but no window")
        .check(MAIN);
  }

  @Test
  void pictureDecodingNeedsNoToolkit() {
    noClasses()
        .that()
        .resideInAPackage("..client.image..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "..client.ui..", "..client.sync..", "..client.blob..")
        .because(
            "importing and decoding pictures is the same for the canvas, the exports and the"
                + " tests, and is tested on bytes alone")
        .check(MAIN);
  }

  @Test
  void filesDoNotReachIntoScreens() {
    noClasses()
        .that()
        .resideInAPackage("..client.io..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..client.sync..", "..client.ui..")
        .because(
            "board files and exports are the same for local and shared boards, from any screen")
        .check(MAIN);
  }

  @Test
  void mainCodeLogsInsteadOfPrinting() {
    GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
        .because("output goes through the logger, whose level and destination are set in one place")
        .check(MAIN);
  }
}
