package org.salescomp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The {@code adventureworks} command's arguments, checked before Spark starts. */
@Tag("fast")
class AdventureWorksCommandTest {
  private final NoSpark noSpark = new NoSpark();

  @Test
  void helpNamesTheDefaultsAndExitCodes() {
    CliRun run = CliRun.of(noSpark, "adventureworks", "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    // picocli wraps the default source path, so only its last part is asserted
    assertThat(run.out()).contains("--source=DIR", "adventureworks-dw2020", "--out=DIR",
        "data/adventureworks", "--active-months=N", "Exit codes:");
    assertThat(noSpark.requests()).isZero();
  }

  @Test
  void aFolderWithoutTheFilesIsAUsageError() {
    CliRun run = CliRun.of(noSpark, "adventureworks", "--source", "/nonexistent/adventureworks");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("no AdventureWorks Sales.csv in /nonexistent/adventureworks");
    assertThat(noSpark.requests()).isZero();
  }

  @Test
  void aDirtyFractionOutOfRangeIsAUsageError() {
    CliRun run = CliRun.of(noSpark, "generate", "--dirty", "0.9");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--dirty must be above 0 and at most 0.5, got 0.9");
    assertThat(noSpark.requests()).isZero();
  }
}
