package org.salescomp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("fast")
class RunCommandTest {
  @TempDir Path dir;
  private final NoSpark noSpark = new NoSpark();

  @Test
  void badPlanKeyExits2NamingFileAndKeyBeforeAnythingIsWritten() throws IOException {
    Path lakehouse = dir.resolve("lakehouse");
    Path bad = dir.resolve("bad.conf");
    Files.writeString(bad, "salescomp.lakehouse.root = \"" + lakehouse + "\"\n"
        + "salescomp.comp.plans.p.versions = [{ effective-from = \"2026-01-01\", commission.tier-mode = stepped }]\n");

    CliRun run = CliRun.of(noSpark, "run", "--date", "2026-03-31", "--conf", bad.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .contains(bad.toString(), "salescomp.comp.plans.p.versions[0].commission.tier-mode", "stepped")
        .doesNotContain("\tat ")
        .hasLineCount(1);
    assertThat(noSpark.requests()).isZero();
    assertThat(lakehouse).doesNotExist();
  }

  @Test
  void missingConfFileExits2() {
    CliRun run = CliRun.of(noSpark, "run", "--date", "2026-03-31", "--conf", dir.resolve("nope.conf").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("nope.conf", "config file not found");
  }

  @Test
  void dateAndBackfillAreExclusive() {
    CliRun run = CliRun.of(noSpark, "run", "--date", "2026-03-31", "--from", "2026-01", "--to", "2026-02");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("mutually exclusive");
  }

  @Test
  void aScopeIsRequired() {
    assertThat(CliRun.of(noSpark, "run").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.of(noSpark, "run", "--from", "2026-01").err()).contains("--to");
  }

  @Test
  void backfillFromAfterToExits2() {
    CliRun run = CliRun.of(noSpark, "run", "--from", "2026-03", "--to", "2026-02", "--dry-run");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--from 2026-03 is after --to 2026-02");
  }

  @Test
  void invalidDateExits2() {
    assertThat(CliRun.of(noSpark, "run", "--date", "2026-13-01").exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void dryRunPrintsTheScopeWithoutStartingSpark() {
    CliRun run = CliRun.of(noSpark, "run", "--date", "2026-03-31", "--dry-run", "--skip-source-check", "--conf", "conf/local.conf");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    // reopen-months = 1 (reference.conf): March and the month before it
    assertThat(run.out()).contains("manual__2026-02_2026-03_2026-03-31", "2026-02 .. 2026-03",
        "deals", "data/demo/deals");
    assertThat(noSpark.requests()).isZero();
  }

  @Test
  void runIdOverridesTheDefault() {
    CliRun run = CliRun.of(noSpark, "run", "--from", "2025-01", "--to", "2025-12", "--run-id", "nightly_1",
        "--dry-run", "--skip-source-check");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("nightly_1", "logical date 2025-12-31");
  }
}
