package org.salescomp.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.salescomp.config.ScenarioSettings;
import org.salescomp.common.LocaleFormat;
import org.salescomp.common.Messages;
import org.salescomp.config.Settings;
import org.salescomp.domain.RunScope;
import org.salescomp.simulate.SimulationJob;
import org.salescomp.simulate.SimulationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code simulate}: the baseline and plan scenarios over past months, in one pass, compared. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Simulates plan scenarios over past months and compares them with the plans in force.",
        "Evaluates the baseline (the configured plans, scenario key 'baseline') and each scenario file"
            + " (conf/scenarios/*.conf, overlays on the configuration) over the months given, in one Spark"
            + " job with the production engine. Publishes scenario_payouts, scenario_summary and"
            + " simulation_log, writes an HTML comparison report under <lakehouse>/"
            + SimulationJob.REPORTS + "/ and prints a summary. Scenario files are validated before Spark"
            + " starts."})
final class SimulateCommand implements Callable<Integer> {
  @ParentCommand private Main main;
  @Spec private CommandSpec spec;
  @Mixin private ConfOptions conf;

  @Option(names = "--scenarios", paramLabel = "FILE", arity = "1..*", required = true,
      description = "scenario files (HOCON overlays on the configuration); each is one scenario")
  private List<Path> scenarioFiles = new ArrayList<>();

  @Option(names = "--from", paramLabel = "yyyy-MM", required = true, description = "first simulated month")
  private YearMonth from;

  @Option(names = "--to", paramLabel = "yyyy-MM", required = true,
      description = "last simulated month (inclusive; data dated after its last day is not read)")
  private YearMonth to;

  @Option(names = "--baseline", paramLabel = "NAME", defaultValue = SimulationJob.ACTUAL,
      description = "what each scenario is compared with: actual (the plans in force, default) or a scenario's name")
  private String baseline;

  @Option(names = "--simulation-id", paramLabel = "ID",
      description = "id stamped on every row (default: derived from the months, config and scenario files, so a"
          + " rerun replaces its rows)")
  private String simulationId;

  @Mixin private DryRunOption dryRun;

  @Override
  public Integer call() {
    Settings settings = conf.load();
    List<ScenarioSettings> scenarios = new ArrayList<>();
    for (Path file : scenarioFiles) {
      scenarios.add(ScenarioSettings.load(file, conf.overlays()));
    }
    SimulationJob.Request request = request(scenarios);
    if (dryRun.on()) {
      PrintWriter out = spec.commandLine().getOut();
      DryRunOption.header(out, conf, settings);
      out.printf("  simulation %s%n", simulationId != null ? simulationId : SimulationJob.defaultId(settings, request));
      out.printf("  months     %s .. %s, compared with %s%n", from, to, request.comparedWith());
      for (ScenarioSettings scenario : scenarios) {
        out.printf("  scenario   %s%n", scenario.name());
      }
      out.flush();
      return ExitCodes.OK;
    }
    SimulationResult result = SimulationJob.run(main.sessions().create(settings), settings, request);
    PrintWriter out = spec.commandLine().getOut();
    Messages messages = settings.messages();
    out.print(table(result, messages, settings.localeFormat()));
    out.println(messages.text("cli.simulate.summary", "id", result.simulationId(),
        "from", result.scope().from().toString(), "to", result.scope().to().toString(),
        "count", Integer.toString(result.lines().size()), "baseline", result.comparedWith(),
        "rows", String.valueOf(result.rowsWritten()),
        "seconds", String.format(Locale.ROOT, "%.1f", result.elapsedMillis() / 1000.0)));
    out.println(messages.text("cli.simulate.report", "file", String.valueOf(result.report())));
    out.flush();
    return ExitCodes.OK;
  }

  private SimulationJob.Request request(List<ScenarioSettings> scenarios) {
    try {
      RunScope scope = RunScope.backfill(from, to);
      String comparedWith = SimulationJob.comparedWith(baseline, scenarios);
      if (simulationId != null && !simulationId.matches(SimulationJob.ID_PATTERN)) {
        throw new IllegalArgumentException("--simulation-id must match " + SimulationJob.ID_PATTERN);
      }
      return new SimulationJob.Request(scenarios, scope, comparedWith, simulationId);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** One row per scenario; headers in the language of {@code messages}, money in the reporting currency. */
  static String table(SimulationResult result, Messages messages, LocaleFormat format) {
    List<String> header = new ArrayList<>();
    for (String column : List.of("scenario", "total-cost", "change", "change-share", "cost-revenue", "better",
        "worse", "same", "median-change")) {
      header.add(messages.text("cli.simulate.col." + column, "currency", format.currencyCode()));
    }
    List<List<String>> rows = new ArrayList<>();
    for (SimulationResult.Line l : result.lines()) {
      rows.add(List.of(l.scenario(), format.amount(l.totalCost()), format.amount(l.change()),
          percent(l.changeShare()), percent(l.costToRevenue()), String.valueOf(l.better()), String.valueOf(l.worse()),
          String.valueOf(l.unchanged()), format.amount(l.medianChange())));
    }
    return TextTable.render(header, rows);
  }

  private static String percent(BigDecimal share) {
    return share == null ? "" : share.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
  }
}
