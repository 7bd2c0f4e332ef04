package org.salescomp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --dry-run} of every command a scheduler calls: checked, reported, and no Spark session asked for. */
@Tag("fast")
class DryRunTest {
  private final NoSpark noSpark = new NoSpark();

  @Test
  void everySchedulerCommandValidatesAndStopsBeforeSpark() {
    String[][] commands = {
        {"run", "--date", "2026-03-31", "--run-id", "scheduled__2026-03-31T02:00:00+00:00", "--dry-run",
            "--skip-source-check"},
        {"simulate", "--scenarios", "conf/scenarios/team-pool.conf", "--from", "2025-01", "--to", "2025-06",
            "--simulation-id", "weekly-20261205T020000", "--dry-run"},
        {"sql", "select month, sum(total) from payouts group by month", "--dry-run"},
        {"maintain", "--run-id", "manual__2026-12-05T10:11:12.123456+00:00", "--dry-run"},
        {"publish", "--target", "postgres", "--dry-run"},
    };
    for (String[] command : commands) {
      CliRun run = CliRun.of(noSpark, command);
      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
      assertThat(run.out()).startsWith("dry run: arguments and config are valid; Spark was not started");
    }
    assertThat(run(commands[1]).out()).contains("simulation weekly-20261205T020000", "scenario   team-pool");
    assertThat(noSpark.requests()).isZero();
  }

  @Test
  void aDryRunStillRefusesWhatTheRealCommandWould() {
    CliRun badId = run("simulate", "--scenarios", "conf/scenarios/team-pool.conf", "--from", "2025-01", "--to",
        "2025-06", "--simulation-id", "scheduled__2026-12-05T02:00:00+00:00", "--dry-run");
    assertThat(badId.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badId.err()).contains("--simulation-id must match");

    CliRun write = run("sql", "drop table payouts", "--dry-run");
    assertThat(write.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(write.err()).contains(ReadOnlyQuery.RULE);

    CliRun unparsable = run("sql", "select (1", "--dry-run");
    assertThat(unparsable.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unparsable.err()).contains("PARSE_SYNTAX_ERROR");
    assertThat(noSpark.requests()).isZero();
  }

  @Test
  void configFileIsTheFirstOverlayAndReplacesTheDefault(@TempDir Path dir) throws IOException {
    Path lakehouse = dir.resolve("lh");
    Path named = dir.resolve("app.conf");
    Files.writeString(named, "include required(file(\"conf/local.conf\"))\n"
        + "salescomp.lakehouse.root = \"" + lakehouse + "\"\n");
    Path later = dir.resolve("later.conf");
    Files.writeString(later, "salescomp.maintenance.vacuum-retention-hours = 240\n");
    System.setProperty("config.file", named.toString());
    try {
      CliRun alone = run("maintain", "--dry-run");
      assertThat(alone.exitCode()).as(alone.err()).isEqualTo(ExitCodes.OK);
      assertThat(alone.out()).contains("config     [" + named + "]", "lakehouse  " + lakehouse, "retention 720 hours");

      // --conf files come after it and win
      CliRun both = run("maintain", "--dry-run", "--conf", later.toString());
      assertThat(both.out()).contains("config     [" + named + ", " + later + "]", "retention 240 hours");
    } finally {
      System.clearProperty("config.file");
    }
    assertThat(noSpark.requests()).isZero();
  }

  private CliRun run(String... args) {
    return CliRun.of(noSpark, args);
  }
}
