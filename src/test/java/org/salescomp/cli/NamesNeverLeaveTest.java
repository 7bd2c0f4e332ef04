package org.salescomp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.io.SourceTable;
import org.salescomp.publish.PublishedDemo;
import org.salescomp.testing.SharedSpark;

/**
 * People's names (reps.name, customers.name) never leave the inputs through a command: every command run
 * on the generated lakehouse of the publish tests prints none of them, on stdout or stderr, and writes
 * none into the files it makes. The commands that write ({@code run}, {@code close}, {@code rerun},
 * {@code simulate}, {@code maintain}, ...) run on a copy of the lakehouse in {@link NamesNeverLeaveWritingCommandsTest}.
 */
@Tag("slow")
class NamesNeverLeaveTest {
  private static final SessionFactory SHARED = settings -> SharedSpark.session();

  @TempDir static Path dir;
  static PublishedDemo demo;
  static PeopleNames names;

  @BeforeAll
  static void namesOfTheInputs() {
    demo = PublishedDemo.get();
    names = new PeopleNames(demo.settings);
  }

  @Test
  void noCommandPrintsOrWritesAName() throws IOException {
    assertThat(names.size()).isGreaterThan(100);
    List<String> texts = new ArrayList<>();
    List<String[]> commands = new ArrayList<>();
    commands.add(new String[] {"validate-config"});
    commands.add(new String[] {"run", "--date", "2025-04-30", "--dry-run"});
    commands.add(new String[] {"sql", "show tables"});
    for (String table : List.of("payouts", "commission_lines", "kpi_rep_period", "kpi_team_period",
        "kpi_region_period", "team_awards", "special_awards", "coaching_flags", "quarantine", "run_log")) {
      commands.add(new String[] {"sql", "--format", "csv", "select * from " + table});
      commands.add(new String[] {"sql", "describe " + table});
    }
    // refused statements name what is refused, never what it would have read
    commands.add(new String[] {"sql", "select name from reps"});
    commands.add(new String[] {"sql", "select * from parquet.`" + demo.settings.source(SourceTable.REPS).location() + "`"});
    commands.add(new String[] {"dashboard", "--month", PublishedDemo.QUARTER_END.toString(),
        "--out", dir.resolve("dashboard.html").toString()});
    commands.add(new String[] {"statement", "--all", "--month", PublishedDemo.QUARTER_END.toString(),
        "--out", dir.resolve("statements").toString()});
    for (String[] command : commands) {
      List<String> args = new ArrayList<>(List.of(command));
      args.addAll(demo.confArgs());
      CliRun run = CliRun.of(SHARED, args.toArray(String[]::new));
      assertThat(run.exitCode()).as(String.join(" ", command) + ": " + run.err()).isIn(ExitCodes.OK, ExitCodes.USAGE);
      texts.add(String.join(" ", command) + "\n" + run.out() + run.err());
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        texts.add(file + "\n" + Files.readString(file));
      }
    }

    assertThat(texts).hasSizeGreaterThan(commands.size()); // the dashboard and the statements were written
    texts.forEach(names::assertNoneIn);
  }
}
