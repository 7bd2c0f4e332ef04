package org.salescomp.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.salescomp.common.AppVersion;
import org.salescomp.common.Stages;
import org.salescomp.config.Settings;
import org.salescomp.domain.RunScope;
import org.salescomp.engine.AwardRulesTable;
import org.salescomp.engine.PlanTable;
import org.salescomp.io.DeltaPublisher;
import org.salescomp.intermediate.RepMonths;
import org.salescomp.intermediate.RosterMonths;
import org.salescomp.io.SourceTable;
import org.salescomp.marts.RunLog;
import org.salescomp.ops.InputVersions;
import org.salescomp.quality.GateResult;
import org.salescomp.quality.InputGate;
import org.salescomp.quality.SourceTally;
import org.salescomp.staging.SourceData;

/**
 * The nightly job: read sources, compute KPIs and pay for every month up to the scope's end, and
 * replace the scope's months in the published tables. Idempotent: the same scope and inputs leave
 * the same contents. Every input row passes the data-quality gate first (accepted, quarantined or
 * deferred); everything that can stop the run (schema, share of bad rows, configuration, plan
 * coverage) is checked before the first write.
 */
public final class NightlyJob {
  public static final String JOB = "run";

  private NightlyJob() {}

  public static RunResult run(SparkSession spark, Settings settings, RunScope scope, String runId) {
    Instant started = Instant.now();
    InputVersions inputVersions = InputVersions.capture(spark, settings);
    GateResult gate = InputGate.check(Sources.readRaw(spark, settings, inputVersions), scope.logicalDate(),
        settings.reportingCurrency());
    try {
      List<SourceTally> sourceCounts = gate.tally();
      gate.requireWithinThreshold(settings.quality());
      SourceData inputs = gate.accepted();
      PlanCoverage.requirePlansFor(inputs.get(SourceTable.REPS), settings.comp().plans().keySet());

      PayrollModel.Rules rules = rules(spark, settings);
      PlanCoverage.requireVersionsInForce(
          RepMonths.build(RosterMonths.build(PayrollModel.employed(inputs).get(SourceTable.REPS), scope.computeFrom(rules.lookbackMonths()),
              scope.lastMonthStart())), rules.planTable());
      PayrollModel model = PayrollModel.build(inputs, rules, scope, Stages.checkpointed());
      DeltaPublisher publisher = new DeltaPublisher(spark, settings.lakehouseRoot(), runId);
      Map<String, Long> written = PublishedTables.write(publisher, model, gate.quarantine(runId), scope, runId,
          settings.messages());
      Map<String, Long> unattributed = model.kpis().unattributedCounts(scope);
      Map<String, Long> outputVersions = new TreeMap<>();
      written.keySet().forEach(table -> outputVersions.put(table, publisher.version(table)));
      publisher.upsert("run_log", spark.createDataFrame(List.of(RunLog.row(new RunLog.Entry(runId, JOB,
          scope.logicalDate(), scope.firstDay(), scope.lastMonthStart(), started, Instant.now(), "succeeded",
          AppVersion.get(), settings.configHash(), settings.comp().planHashes(), sourceCounts, written, unattributed,
          inputVersions.versions(), inputVersions.fingerprints(), outputVersions, gate.quarantinedByReason()))),
          RunLog.SCHEMA), RunLog.RUN_ID);
      return new RunResult(runId, scope, written, Instant.now().toEpochMilli() - started.toEpochMilli());
    } finally {
      gate.unpersist();
    }
  }

  /** The production rules: the configured plans and awards as the baseline scenario. */
  static PayrollModel.Rules rules(SparkSession spark, Settings settings) {
    return new PayrollModel.Rules(
        PlanTable.of(spark, PlanTable.rows(PlanTable.BASELINE, settings.comp().plans())),
        AwardRulesTable.of(spark, List.of(AwardRulesTable.row(PlanTable.BASELINE, settings.comp().awards()))),
        settings.comp().coaching(), settings.comp().requiredCourses(), settings.comp().lookbackMonths(),
        settings.reportingCurrency());
  }
}
