package org.salescomp.simulate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.salescomp.common.AppVersion;
import org.salescomp.common.ContentHash;
import org.salescomp.common.Stages;
import org.salescomp.config.ScenarioSettings;
import org.salescomp.config.Settings;
import org.salescomp.domain.CompModel;
import org.salescomp.domain.RunScope;
import org.salescomp.engine.CompEngine;
import org.salescomp.engine.Explanations;
import org.salescomp.engine.PayLines;
import org.salescomp.engine.PlanTable;
import org.salescomp.io.DeltaPublisher;
import org.salescomp.io.SourceTable;
import org.salescomp.ops.InputVersions;
import org.salescomp.pipeline.Ledger;
import org.salescomp.pipeline.PayrollModel;
import org.salescomp.staging.SourceData;

/**
 * The simulation job: reads the sources once, evaluates the baseline (the plans in force) and every
 * scenario over the months given in one pass of the production model, and publishes
 * {@code scenario_payouts}, {@code scenario_summary} and {@code simulation_log} (rows of one simulation
 * id replace that id's rows) and the HTML comparison report under
 * {@code <lakehouse>/}{@value #REPORTS}{@code /<simulation id>.html}. Every check that can stop it
 * (scenario files, roles, plan coverage) runs before the first write.
 */
public final class SimulationJob {
  /** {@code --baseline actual}: compare every scenario with the plans in force. */
  public static final String ACTUAL = "actual";
  public static final String REPORTS = "scenario_reports";
  /** Simulation ids are written into a Delta predicate and a file name: a safe alphabet only. */
  public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.:-]*";

  /**
   * @param scenarios the scenarios, validated ({@link ScenarioSettings#load})
   * @param comparedWith {@value #ACTUAL} or the name of one of the scenarios
   * @param simulationId the id stamped on every row, or null for {@link #defaultId}
   */
  public record Request(List<ScenarioSettings> scenarios, RunScope scope, String comparedWith, String simulationId) {}

  private SimulationJob() {}

  /** The scenario key compared with: the baseline for {@value #ACTUAL}, else a scenario's name. */
  public static String comparedWith(String baselineOption, List<ScenarioSettings> scenarios) {
    if (baselineOption.equals(ACTUAL) || baselineOption.equals(PlanTable.BASELINE)) {
      return PlanTable.BASELINE;
    }
    if (scenarios.stream().noneMatch(s -> s.name().equals(baselineOption))) {
      throw new IllegalArgumentException("--baseline " + baselineOption + " names no scenario; expected "
          + ACTUAL + " or one of " + String.join(", ", scenarios.stream().map(ScenarioSettings::name).toList()));
    }
    return baselineOption;
  }

  /** Stable for the same months, configuration, scenario files and comparison: a rerun replaces its rows. */
  public static String defaultId(Settings settings, Request request) {
    StringBuilder key = new StringBuilder(settings.configHash()).append('|').append(request.comparedWith());
    request.scenarios().forEach(s -> key.append('|').append(s.name()).append('=').append(s.fileHash()));
    return "sim__" + request.scope().from() + "_" + request.scope().to() + "__" + ContentHash.of(key.toString());
  }

  public static SimulationResult run(SparkSession spark, Settings settings, Request request) {
    Instant started = Instant.now();
    String id = request.simulationId() != null ? request.simulationId() : defaultId(settings, request);
    if (!id.matches(ID_PATTERN)) {
      throw new IllegalArgumentException("simulation id " + id + " must match " + ID_PATTERN);
    }
    RunScope scope = request.scope();
    ScenarioSet scenarios = new ScenarioSet(settings.comp(), request.scenarios());
    InputVersions captured = InputVersions.capture(spark, settings);
    // as a run's, the fold of balances starts at the first month simulated, with the balances owed as paid
    Ledger ledger = new Ledger(spark, settings.lakehouseRoot());
    long balancesVersion = ledger.balancesVersion();
    List<SourceVersions.Input> versions = SourceVersions.of(settings, captured, balancesVersion);
    SourceData inputs = SimulationInputs.readOnce(spark, settings, captured, scope.logicalDate());
    Stages stages = withoutExplanations(Stages.checkpointed());
    PayrollModel model = SimulationModel.build(spark, inputs, scenarios, scope, stages, settings.reportingCurrency(),
        CompEngine.Detail.PAYOUTS, ledger.openingAt(scope.from(), balancesVersion));

    Dataset<Row> payouts = stages.stage("scenario_payouts", ScenarioPayouts.build(model.pay().payouts(), scope, id));
    Dataset<Row> summary = stages.stage("scenario_summary", ScenarioSummary.build(new ScenarioSummary.Inputs(
        payouts, model.repMonths(), inputs.get(SourceTable.TEAMS), model.kpis().repPeriods(),
        request.comparedWith(), scope, id)));

    DeltaPublisher publisher = new DeltaPublisher(spark, settings.lakehouseRoot(), id);
    String owned = ScenarioPayouts.SIMULATION_ID + " = '" + id + "'";
    Map<String, Long> written = new LinkedHashMap<>();
    written.put("scenario_payouts", publisher.replace("scenario_payouts",
        payouts.repartition(col(ScenarioPayouts.SCENARIO))
            .sortWithinPartitions(ScenarioPayouts.SCENARIO, ScenarioPayouts.MONTH, ScenarioPayouts.REP_ID),
        owned, ScenarioPayouts.SIMULATION_ID).map(DeltaPublisher.Commit::rows).orElse(0L));
    written.put("scenario_summary", publisher.replace("scenario_summary",
        summary.repartition(1).sortWithinPartitions(ScenarioSummary.SCENARIO, ScenarioSummary.PERIOD_TYPE,
            ScenarioSummary.PERIOD_START, ScenarioSummary.GROUP_BY, ScenarioSummary.GROUP_VALUE),
        owned, ScenarioSummary.SIMULATION_ID).map(DeltaPublisher.Commit::rows).orElse(0L));

    ReportData data = ReportData.of(id, request.comparedWith(), scope, summary
        .where(col(ScenarioSummary.GROUP_BY).equalTo(lit(ScenarioSummary.ALL))
            .or(col(ScenarioSummary.PERIOD_TYPE).equalTo(lit(ScenarioSummary.OVERALL))))
        .collectAsList(), descriptions(request.scenarios()));
    String report = writeReport(spark, publisher.pathOf(REPORTS) + "/" + id + ".html", ComparisonReport.render(data, settings.messages(), settings.localeFormat()));

    publisher.upsert("simulation_log", spark.createDataFrame(List.of(SimulationLog.row(new SimulationLog.Entry(id,
        scope, request.comparedWith(), started, Instant.now(), AppVersion.get(), settings.configHash(),
        logged(settings.comp(), request.scenarios()), versions, written, report))), SimulationLog.SCHEMA),
        SimulationLog.SIMULATION_ID);
    return new SimulationResult(id, scope, request.comparedWith(), SimulationResult.lines(data), report, written,
        Instant.now().toEpochMilli() - started.toEpochMilli());
  }

  /**
   * The production stages with the pay lines' explanations left out (null key and arguments): a
   * simulation publishes payouts, not lines, and the explanation is most of a line's bytes, times every scenario.
   * Nothing is computed from the text, so the amounts are those of a run.
   */
  static Stages withoutExplanations(Stages stages) {
    return (name, rows) -> stages.stage(name, List.of(rows.columns()).contains(PayLines.EXPLANATION_ARGS)
        ? rows.withColumn(PayLines.EXPLANATION_KEY, lit(null).cast(DataTypes.StringType))
            .withColumn(PayLines.EXPLANATION_ARGS, lit(null).cast(Explanations.ARGS_TYPE)) : rows);
  }

  private static Map<String, String> descriptions(List<ScenarioSettings> scenarios) {
    Map<String, String> descriptions = new LinkedHashMap<>();
    descriptions.put(PlanTable.BASELINE, "the plans in force");
    scenarios.forEach(s -> descriptions.put(s.name(), s.description()));
    return descriptions;
  }

  private static List<SimulationLog.Scenario> logged(CompModel baseline, List<ScenarioSettings> scenarios) {
    List<SimulationLog.Scenario> logged = new ArrayList<>();
    logged.add(new SimulationLog.Scenario(PlanTable.BASELINE, "the plans in force", null, null, baseline.planHashes()));
    for (ScenarioSettings s : scenarios) {
      logged.add(new SimulationLog.Scenario(s.name(), s.description(), s.file().toString(), s.fileHash(),
          s.comp().planHashes()));
    }
    return logged;
  }

  /** Writes the report through Hadoop's file system (local folder or object store); returns its location. */
  private static String writeReport(SparkSession spark, String location, String html) {
    Path path = new Path(location);
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (OutputStream out = fs.create(path, true)) {
        out.write(html.getBytes(StandardCharsets.UTF_8));
      }
      return fs.makeQualified(path).toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report " + location, e);
    }
  }
}
