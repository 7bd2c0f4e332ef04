package org.salescomp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.io.SourceTable;

/**
 * A user's mistake in the sources ends with one line and exit 2 (the config points at nothing usable)
 * or 3 (the data cannot be read as the contract says), never a stack trace, and {@code validate-config}
 * and {@code run --dry-run} stop on the same problems as {@code run}, all before Spark starts.
 */
@Tag("fast")
class UserErrorsTest {
  @TempDir Path dir;
  private final NoSpark noSpark = new NoSpark();
  private Path sources;

  /** Every source a CSV file with a header naming the contract's columns, and no rows. */
  @BeforeEach
  void csvSources() throws IOException {
    sources = dir.resolve("sources");
    Files.createDirectories(sources);
    StringBuilder conf = new StringBuilder("salescomp.sources {\n");
    for (SourceTable table : SourceTable.values()) {
      Files.writeString(sources.resolve(table.tableName() + ".csv"), String.join(",", table.schema().fieldNames()) + "\n");
      conf.append("  ").append(table.tableName()).append(" { format = csv, path = \"")
          .append(sources.resolve(table.tableName() + ".csv")).append("\" }\n");
    }
    Files.writeString(dir.resolve("sources.conf"), conf.append("}\n").toString());
  }

  private List<CliRun> everyCheck() {
    String conf = dir.resolve("sources.conf").toString();
    List<CliRun> runs = new ArrayList<>();
    runs.add(CliRun.of(noSpark, "validate-config", "--conf", "conf/local.conf", "--conf", conf));
    runs.add(CliRun.of(noSpark, "run", "--date", "2026-03-31", "--dry-run", "--conf", "conf/local.conf", "--conf", conf));
    runs.add(CliRun.of(noSpark, "run", "--date", "2026-03-31", "--conf", "conf/local.conf", "--conf", conf));
    return runs;
  }

  @Test
  void readableSourcesPass() {
    List<CliRun> runs = everyCheck();
    assertThat(runs.get(0).exitCode()).as(runs.get(0).err()).isEqualTo(ExitCodes.OK);
    assertThat(runs.get(0).out()).contains("sources: 12 local sources found and readable");
    assertThat(runs.get(1).exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(noSpark.requests()).isEqualTo(1); // only the real run got as far as Spark
  }

  @Test
  void aMissingSourcePathExits2NamingTheKey() throws IOException {
    Files.delete(sources.resolve("deals.csv"));

    for (CliRun run : everyCheck()) {
      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err()).contains("salescomp.sources.deals.path: no such file or folder").hasLineCount(1);
    }
    assertThat(noSpark.requests()).isZero();
  }

  @Test
  void anEmptySourceFileExits3NamingTheSource() throws IOException {
    Files.writeString(sources.resolve("reps.csv"), "");

    for (CliRun run : everyCheck()) {
      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DATA_QUALITY);
      assertThat(run.err()).contains("source reps", "empty").hasLineCount(1);
    }
    assertThat(noSpark.requests()).isZero();
  }

  @Test
  void aHeaderWithoutARequiredColumnExits3() throws IOException {
    Files.writeString(sources.resolve("deals.csv"), "deal_id,customer_id\nD-1,C-1\n");

    for (CliRun run : everyCheck()) {
      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DATA_QUALITY);
      assertThat(run.err()).contains("source deals", "required column owner_rep_id").hasLineCount(1);
    }
  }

  @Test
  void aDeltaSourceWithoutItsLogExits2() throws IOException {
    Files.createDirectories(dir.resolve("not-delta"));
    Files.writeString(dir.resolve("delta.conf"),
        "salescomp.sources.teams { format = delta, path = \"" + dir.resolve("not-delta") + "\" }\n");

    CliRun run = CliRun.of(noSpark, "validate-config", "--conf", "conf/local.conf",
        "--conf", dir.resolve("sources.conf").toString(), "--conf", dir.resolve("delta.conf").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("salescomp.sources.teams.path: not a Delta table").hasLineCount(1);
  }

  @Test
  void anUnreadableFileExits2() throws IOException {
    Path deals = sources.resolve("deals.csv");
    Files.setPosixFilePermissions(deals, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(deals), "running as root: every file is readable");

    for (CliRun run : everyCheck()) {
      assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err()).contains("salescomp.sources.deals.path: cannot be read").hasLineCount(1);
    }
  }

  @Test
  void theCheckCanBeSkippedForAConfigAwayFromItsData() throws IOException {
    Files.delete(sources.resolve("deals.csv"));
    String conf = dir.resolve("sources.conf").toString();

    assertThat(CliRun.of(noSpark, "validate-config", "--skip-source-check", "--conf", "conf/local.conf", "--conf", conf)
        .exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(CliRun.of(noSpark, "run", "--date", "2026-03-31", "--dry-run", "--skip-source-check",
        "--conf", "conf/local.conf", "--conf", conf).exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void badCsvOptionsExit2NamingTheKey() throws IOException {
    Files.writeString(dir.resolve("csv.conf"), "salescomp.sources.deals.delimiter = \";;\"\n");
    CliRun run = CliRun.of(noSpark, "validate-config", "--conf", dir.resolve("csv.conf").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("salescomp.sources.deals.delimiter").hasLineCount(1);

    Files.writeString(dir.resolve("csv.conf"), "salescomp.csv.encoding = \"UTF-16\"\n");
    run = CliRun.of(noSpark, "validate-config", "--conf", dir.resolve("csv.conf").toString());
    assertThat(run.err()).contains("salescomp.csv.encoding", "expected one of [UTF-8, ISO-8859-1, US-ASCII]");

    Files.writeString(dir.resolve("csv.conf"), "salescomp.sources.reps.date-format = \"yyyy-MM\"\n");
    run = CliRun.of(noSpark, "validate-config", "--conf", dir.resolve("csv.conf").toString());
    assertThat(run.err()).contains("salescomp.sources.reps.date-format");
  }
}
