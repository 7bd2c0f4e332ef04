package org.salescomp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

@Tag("fast")
class MainTest {
  private final NoSpark noSpark = new NoSpark();

  @Test
  void noSubcommandIsAUsageError() {
    CliRun run = CliRun.of(noSpark);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("Missing required subcommand");
  }

  @Test
  void unknownOptionIsOneLineOnStderrWithExit2() {
    CliRun run = CliRun.of(noSpark, "run", "--date", "2026-03-31", "--bogus");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).isEqualTo(
        "salescomp run: Unknown option: '--bogus' (see 'salescomp run --help')" + System.lineSeparator());
  }

  @Test
  void versionNamesTheApp() {
    CliRun run = CliRun.of(noSpark, "--version");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).startsWith("salescomp ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "generate", "run", "sql", "validate-config"})
  void everySubcommandHasHelpWithConfAndExitCodes(String subcommand) {
    CliRun run = CliRun.of(noSpark, subcommand, "--help");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("--conf=FILE", "conf/local.conf", "Exit codes:", "data-quality failure",
        "another run wrote the same table at the same time: retry");
    assertThat(noSpark.requests()).isZero();
  }
}
