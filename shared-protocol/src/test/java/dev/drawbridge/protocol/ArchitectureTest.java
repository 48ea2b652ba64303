package dev.drawbridge.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * shared-protocol stays a leaf: Jackson and the JDK only, no other Drawbridge module, no cycles
 * between its packages, no console output (ARCHITECTURE.md).
 */
class ArchitectureTest {
  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.drawbridge.protocol");
  }

  @Test
  void dependsOnlyOnTheJdkAndJackson() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "com.fasterxml.jackson..", "dev.drawbridge.protocol..")
        .check(main);
  }

  @Test
  void dependsOnNoOtherDrawbridgeModule() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.drawbridge.relay..", "dev.drawbridge.client..")
        .check(main);
  }

  @Test
  void subpackagesHaveNoCycles() {
    slices().matching("dev.drawbridge.protocol.(*)..").should().beFreeOfCycles().check(main);
  }

  @Test
  void theModelDoesNotDependOnTheCodec() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.drawbridge.protocol.message..",
            "dev.drawbridge.protocol.op..",
            "dev.drawbridge.protocol.element..",
            "dev.drawbridge.protocol.board..",
            "dev.drawbridge.protocol.validation..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.drawbridge.protocol")
        .check(main);
  }

  @Test
  void writesNothingToTheConsole() {
    GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(main);
  }
}
