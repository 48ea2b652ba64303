package dev.drawbridge.relay.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The relay's package layering (ARCHITECTURE.md), checked on the compiled main classes. */
class LayeringTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.drawbridge.relay");

  @Test
  void noPackageCycles() {
    slices().matching("dev.drawbridge.relay.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void transportUsesOnlyTheRoomApi() {
    noClasses()
        .that()
        .resideInAPackage("..relay.net..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("dev.drawbridge.relay.room.Room")
        .check(MAIN);
  }

  @Test
  void roomsKnowNothingOfTransportOrOperations() {
    noClasses()
        .that()
        .resideInAPackage("..relay.room..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..relay.net..", "..relay.ops..", "org.java_websocket..")
        .check(MAIN);
  }

  @Test
  void storageAndAuthStandAlone() {
    noClasses()
        .that()
        .resideInAnyPackage("..relay.oplog..", "..relay.auth..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..relay.net..", "..relay.room..", "..relay.ops..", "..relay.bench..")
        .check(MAIN);
  }

  @Test
  void onlyOpsDependsOnBench() {
    noClasses()
        .that()
        .resideInAnyPackage("..relay.net..", "..relay.room..", "..relay.oplog..", "..relay.auth..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..relay.bench..")
        .check(MAIN);
  }

  @Test
  void noStandardStreamsInMainCode() {
    NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(MAIN);
  }
}
