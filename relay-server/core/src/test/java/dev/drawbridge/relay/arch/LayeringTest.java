package dev.drawbridge.relay.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The relay core's package layering (docs/architecture.md), checked on its compiled classes. */
class LayeringTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.drawbridge.relay");

  @Test
  void noPackageCycles() {
    slices()
        .matching("dev.drawbridge.(relay..)")
        .should()
        .beFreeOfCycles()
        .because("each package of the core must be understandable and testable on its own")
        .check(CORE);
  }

  @Test
  void transportUsesOnlyTheRoomApi() {
    noClasses()
        .that()
        .resideInAPackage("..relay.net..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("dev.drawbridge.relay.room.Room")
        .because("the transport talks to rooms through RoomRegistry and Session only")
        .check(CORE);
  }

  @Test
  void roomsKnowNothingOfTransportOrStartUp() {
    noClasses()
        .that()
        .resideInAPackage("..relay.room..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..relay.net..", "..relay.runtime..", "org.java_websocket..")
        .because("rooms are tested with in-memory sockets, and run under any transport")
        .check(CORE);
  }

  @Test
  void storageAndAuthStandAlone() {
    noClasses()
        .that()
        .resideInAnyPackage("..relay.oplog..", "..relay.auth..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..relay.net..", "..relay.room..", "..relay.runtime..")
        .because("op logs and token checks are reused by rooms, the transport and the CLI alike")
        .check(CORE);
  }

  @Test
  void blobPartsKnowNoRoomsOrTransport() {
    noClasses()
        .that()
        .resideInAPackage("..relay.blob..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..relay.net..", "..relay.room..", "..relay.runtime..", "org.java_websocket..")
        .because("uploads and fetches are checked and paced the same under any room or transport")
        .check(CORE);
  }

  @Test
  void theCoreCarriesNoServerApplicationLibraries() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.lettuce..", "io.micrometer.prometheusmetrics..", "picocli..")
        .because(
            "the desktop app embeds the core: Redis, Prometheus and the CLI belong to"
                + " relay-server, and would only make the installers bigger")
        .check(CORE);
  }

  @Test
  void noStandardStreamsInMainCode() {
    NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
        .because("the relay logs through SLF4J; stdout belongs to the command line")
        .check(CORE);
  }
}
