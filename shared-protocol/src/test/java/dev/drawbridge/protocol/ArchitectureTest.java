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
 * between its packages, no console output (docs/architecture.md).
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
        .because("the client, the relay and their tests all share it: it must stay light")
        .check(main);
  }

  @Test
  void dependsOnNoOtherDrawbridgeModule() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.drawbridge.relay..", "dev.drawbridge.client..")
        .because("the protocol is the one thing both sides agree on; it depends on neither")
        .check(main);
  }

  @Test
  void packagesHaveNoCycles() {
    // "(protocol..)" makes the root package a slice of its own too ("protocol.(**)" would not).
    slices()
        .matching("dev.drawbridge.(protocol..)")
        .should()
        .beFreeOfCycles()
        .because("each package (messages, ops, elements, the reducer) is read and tested alone")
        .check(main);
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
        .because("the model is plain data; only the codec knows JSON framing and versions")
        .check(main);
  }

  @Test
  void writesNothingToTheConsole() {
    GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
        .because("library code logs through SLF4J, if at all; the console is the app's")
        .check(main);
  }
}
