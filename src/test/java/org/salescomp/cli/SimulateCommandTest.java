package org.salescomp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate}: scenario files and arguments are checked before Spark starts (exit 2, one line). */
@Tag("fast")
class SimulateCommandTest {
  @TempDir Path dir;
  private final NoSpark noSpark = new NoSpark();

  @Test
  void aScenarioBreakingAPlanRuleExits2WithTheFileAndThePath() throws IOException {
    Path bad = Files.writeString(dir.resolve("negative-rate.conf"),
        "salescomp.scenario.plan-changes.field-sales.commission.tiers = [{ from = 0.0, rate = -0.02 }]\n");

    CliRun run = CliRun.of(noSpark, "simulate", "--scenarios", "conf/scenarios/team-pool.conf", bad.toString(),
        "--from", "2025-01", "--to", "2025-03");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("negative-rate.conf", "salescomp.comp.plans.field-sales.versions[0]",
        "commission.tiers[0].rate").hasLineCount(1);
    assertThat(noSpark.requests()).isZero();
  }

  @Test
  void aBaselineThatIsNoScenarioExits2() {
    CliRun run = CliRun.of(noSpark, "simulate", "--scenarios", "conf/scenarios/team-pool.conf",
        "--from", "2025-01", "--to", "2025-03", "--baseline", "team-pol");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--baseline team-pol names no scenario").hasLineCount(1);
    assertThat(noSpark.requests()).isZero();
  }

  @Test
  void monthsInTheWrongOrderExit2() {
    CliRun run = CliRun.of(noSpark, "simulate", "--scenarios", "conf/scenarios/team-pool.conf",
        "--from", "2025-06", "--to", "2025-03");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noSpark.requests()).isZero();
  }
}
