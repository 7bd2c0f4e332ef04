package org.salescomp.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.salescomp.common.Messages;
import org.salescomp.common.StepClock;
import org.salescomp.common.UiLocale;
import org.salescomp.config.Settings;
import org.salescomp.config.SourceFiles;
import org.salescomp.domain.RunScope;
import org.salescomp.io.SourceSettings;
import org.salescomp.io.SourceTable;
import org.salescomp.pipeline.NightlyJob;
import org.salescomp.pipeline.RunResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code run}: the nightly job for a logical date, or a backfill of a range of months. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs the nightly job, or a backfill of a range of months.",
        "Recomputes the months of the scope from the sources and replaces exactly those months in the"
            + " published tables. Give either --date (a nightly run) or --from and --to (a backfill)."})
final class RunCommand implements Callable<Integer> {
  @ParentCommand private Main main;
  @Spec private CommandSpec spec;
  @Mixin private ConfOptions conf;
  @ArgGroup(exclusive = true, multiplicity = "1") private ScopeOptions scopeOptions;

  @Option(names = "--run-id", paramLabel = "ID",
      description = "id stamped on every row the run writes (default: derived from the scope, so a rerun"
          + " of the same scope gets the same id)")
  private String runId;

  @Mixin private DryRunOption dryRun;

  @Option(names = "--skip-source-check",
      description = "do not check the local source files before Spark starts (for a config checked away from its data)")
  private boolean skipSourceCheck;

  static final class ScopeOptions {
    @Option(names = "--date", paramLabel = "yyyy-MM-dd", required = true,
        description = "logical date: recomputes its month and the salescomp.run.reopen-months months before it")
    private LocalDate date;

    @ArgGroup(exclusive = false) private Backfill backfill;
  }

  static final class Backfill {
    @Option(names = "--from", paramLabel = "yyyy-MM", required = true, description = "first month of a backfill")
    private YearMonth from;

    @Option(names = "--to", paramLabel = "yyyy-MM", required = true,
        description = "last month of a backfill (inclusive; the logical date is its last day)")
    private YearMonth to;
  }

  @Override
  public Integer call() {
    Settings settings = conf.load();
    RunScope scope = scope(settings);
    String id = runId != null ? runId : scope.defaultRunId();
    if (id.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--run-id must not be blank");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (!skipSourceCheck) {
      // a missing file, an empty CSV or a header without a required column stops here, Spark not started
      SourceFiles.check(settings.sources());
    }
    if (dryRun.on()) {
      printPlan(out, settings, scope, id);
      return ExitCodes.OK;
    }
    SparkSession spark = StepClock.time("session", () -> main.sessions().create(settings));
    RunResult result = NightlyJob.run(spark, settings, scope, id, new ExitCodes()::getExitCode);
    out.println(statusLine(result, settings.messages()));
    return ExitCodes.OK;
  }

  private RunScope scope(Settings settings) {
    if (scopeOptions.date != null) {
      return RunScope.nightly(scopeOptions.date, settings.reopenMonths());
    }
    try {
      return RunScope.backfill(scopeOptions.backfill.from, scopeOptions.backfill.to);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private void printPlan(PrintWriter out, Settings settings, RunScope scope, String id) {
    DryRunOption.header(out, conf, settings, skipSourceCheck ? "arguments and config"
        : "arguments, config and local source files");
    out.printf("  run id     %s%n", id);
    out.printf("  months     %s .. %s (logical date %s)%n", scope.from(), scope.to(), scope.logicalDate());
    out.println("  sources");
    for (SourceTable table : SourceTable.values()) {
      SourceSettings source = settings.source(table);
      out.printf("    %-20s %-8s %s%n", table.tableName(), source.format().name().toLowerCase(), source.location());
    }
  }

  static String statusLine(RunResult result) {
    return statusLine(result, Messages.of(UiLocale.EN));
  }

  /** The run's one console line in the language of {@code messages}. */
  static String statusLine(RunResult result, Messages messages) {
    Map<String, Long> rows = result.rowsWritten();
    String written = rows.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
    return messages.text("cli.run.succeeded", "run_id", result.runId(), "from", result.scope().from().toString(),
        "to", result.scope().to().toString(), "date", result.scope().logicalDate().toString(),
        "rows", written.isEmpty() ? messages.text("cli.run.none") : written,
        "seconds", String.format(Locale.ROOT, "%.1f", result.elapsedMillis() / 1000.0));
  }
}
