package org.salescomp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("fast")
class ValidateConfigCommandTest {
  @TempDir Path dir;
  private final NoSpark noSpark = new NoSpark();

  @Test
  void localConfIsValidAndListsEveryPlanVersion() {
    CliRun run = CliRun.of(noSpark, "validate-config", "--skip-source-check", "--conf", "conf/local.conf");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).startsWith("config OK")
        .contains("field-sales", "from 2024-01-01", "from 2026-01-01", "inside-sales", "retroactive", "new-hire");
    assertThat(noSpark.requests()).isZero();
  }

  @Test
  void tiersNotStartingAtZeroExit2WithTheKeyPath() throws IOException {
    Path bad = dir.resolve("bad.conf");
    Files.writeString(bad, "salescomp.comp.plans.p.versions = [{ effective-from = \"2026-01-01\"\n"
        + "commission.tiers = [{ from = 0.1, rate = 0.02 }] }]\n");

    CliRun run = CliRun.of(noSpark, "validate-config", "--conf", bad.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("bad.conf", "salescomp.comp.plans.p.versions[0].commission.tiers").hasLineCount(1);
  }
}
