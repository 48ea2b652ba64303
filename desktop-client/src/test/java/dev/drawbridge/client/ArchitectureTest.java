package dev.drawbridge.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: ui → sync → model → protocol (ARCHITECTURE.md). */
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
  void syncPackagesAreFreeOfCycles() {
    // "sync.(**)" would leave out sync itself; "(sync..)" makes sync, sync.ws, ... one slice each.
    slices()
        .matching("dev.drawbridge.client.(sync..)")
        .should()
        .beFreeOfCycles()
        .because("a transport implements the sync engine's interfaces and never the other way")
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
  void geometryKnowsNoUi() {
    noClasses()
        .that()
        .resideInAPackage("..client.geom..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..client.ui..", "..client.io..")
        .because("geometry serves the canvas, the tools and the exporters alike")
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
