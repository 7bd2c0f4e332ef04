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
    out.print(table(result));
    out.printf(Locale.ROOT, "simulation %s: months %s..%s, %d scenarios compared with %s; rows written: %s; %.1f s%n",
        result.simulationId(), result.scope().from(), result.scope().to(), result.lines().size(),
        result.comparedWith(), result.rowsWritten(), result.elapsedMillis() / 1000.0);
    out.printf("report: %s%n", result.report());
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

  static String table(SimulationResult result) {
    List<String> header = List.of("scenario", "total cost", "change", "change %", "cost/revenue", "better", "worse",
        "same", "median change");
    List<List<String>> rows = new ArrayList<>();
    for (SimulationResult.Line l : result.lines()) {
      rows.add(List.of(l.scenario(), money(l.totalCost()), money(l.change()), percent(l.changeShare()),
          percent(l.costToRevenue()), String.valueOf(l.better()), String.valueOf(l.worse()),
          String.valueOf(l.unchanged()), money(l.medianChange())));
    }
    return TextTable.render(header, rows);
  }

  private static String money(BigDecimal amount) {
    return amount == null ? "" : String.format(Locale.ROOT, "%,.2f", amount);
  }

  private static String percent(BigDecimal share) {
    return share == null ? "" : share.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
  }
}
