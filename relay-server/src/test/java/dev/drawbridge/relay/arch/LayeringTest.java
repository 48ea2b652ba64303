package dev.drawbridge.relay.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.Test;

/**
 * The relay server application's layering (docs/architecture.md), on its own compiled classes
 * (relay-core has its own test).
 */
class LayeringTest {
  private static final JavaClasses APP =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(LayeringTest::inThisModule)
          .importPackages("dev.drawbridge.relay");

  /** Only this module's classes: relay-core's are on the class path too, as a jar or folder. */
  private static boolean inThisModule(Location location) {
    return !location.contains("/core/") && !location.contains("relay-core");
  }

  @Test
  void noPackageCycles() {
    slices()
        .matching("dev.drawbridge.(relay..)")
        .should()
        .beFreeOfCycles()
        .because("each package must be understandable and testable on its own")
        .check(APP);
  }

  @Test
  void onlyTheCommandLineStartsTheLoadGenerator() {
    noClasses()
        .that()
        .resideOutsideOfPackages("..relay.cli..", "..relay.bench..", "..relay.warmup..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..relay.bench..")
        .because(
            "the load generator is a tool run by `relay-server bench` and by serve's warm-up"
                + " before the relay opens its port, not part of serving")
        .check(APP);
  }

  @Test
  void theServerKnowsNothingOfTheCommandLine() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..relay.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..relay.cli..", "picocli..")
        .because("the server is started from tests and other programs as well as from picocli")
        .check(APP);
  }

  @Test
  void everyClassOfTheApplicationWasImported() {
    org.assertj.core.api.Assertions.assertThat(
            APP.contain("dev.drawbridge.relay.server.RelayServer"))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(APP.contain("dev.drawbridge.relay.room.Room"))
        .as("relay-core's classes are left to its own test")
        .isFalse();
  }
}
