package org.salescomp.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.salescomp.common.AppVersion;
import org.salescomp.common.Stages;
import org.salescomp.config.Settings;
import org.salescomp.domain.Plan;
import org.salescomp.domain.PlanVersion;
import org.salescomp.domain.RunScope;
import org.salescomp.engine.AwardRulesTable;
import org.salescomp.engine.CompEngine;
import org.salescomp.engine.PriorPeriodAdjustments;
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
 * replace the scope's months in the published tables; pay only in its open months: closed months are
 * recomputed inside the restate window and corrected in the first open month (the pay ledger). Idempotent: the same scope and inputs leave
 * the same contents. Every input row passes the data-quality gate first (accepted, quarantined or
 * deferred); everything that can stop the run (schema, share of bad rows, configuration, plan
 * coverage) is checked before the first write.
 */
public final class NightlyJob {
  public static final String JOB = "run";

  private NightlyJob() {}

  public static RunResult run(SparkSession spark, Settings settings, RunScope scope, String runId) {
    Instant started = Instant.now();
    Ledger ledger = new Ledger(spark, settings.lakehouseRoot());
    ClosedMonths closed = ledger.closedMonths();
    // the run writes pay from its first open month; closed months it recomputes and corrects
    YearMonth firstOpen = closed.firstOpen(scope).orElseThrow(() -> new LedgerRefused("months " + scope.from()
        + ".." + scope.to() + " are all closed (closed through " + closed.last() + "): corrections of closed months"
        + " are posted by the next run of an open month"));
    Optional<ClosedMonths.Range> restated = closed.restated(scope, settings.restateMonths());
    InputVersions inputVersions = InputVersions.capture(spark, settings);
    GateResult gate = InputGate.check(Sources.readRaw(spark, settings, inputVersions), scope.logicalDate(),
        settings.reportingCurrency(), ledger.lateRows(closed.beforeWindow(scope, settings.restateMonths())));
    try {
      List<SourceTally> sourceCounts = gate.tally();
      gate.requireWithinThreshold(settings.quality());
      SourceData inputs = gate.accepted();
      PlanCoverage.requirePlansFor(inputs.get(SourceTable.REPS), settings.comp().plans().keySet());

      PayrollModel.Rules rules = rules(spark, settings);
      RunScope computed = restated.map(r -> scope.reaching(r.from())).orElse(scope);
      PlanCoverage.requireVersionsInForce(
          RepMonths.build(RosterMonths.build(PayrollModel.employed(inputs).get(SourceTable.REPS), computed.computeFrom(rules.lookbackMonths()),
              scope.lastMonthStart())), rules.planTable());
      PayrollModel model = PayrollModel.build(inputs, rules, computed, Stages.checkpointed(), CompEngine.Detail.LINES,
          corrections(ledger, closed, restated, scope.startingAt(firstOpen)));
      if (!ledger.closedMonths().equals(closed)) {
        throw new LedgerRefused("months were closed while run " + runId + " computed (now closed through "
            + ledger.closedMonths().last() + "); nothing was written: run the same command again");
      }
      DeltaPublisher publisher = new DeltaPublisher(spark, settings.lakehouseRoot(), runId);
      Map<String, Long> written = PublishedTables.write(publisher, model, gate.quarantine(runId), scope,
          scope.startingAt(firstOpen), runId, settings.messages());
      Map<String, Long> unattributed = model.kpis().unattributedCounts(scope);
      Map<String, Long> outputVersions = new TreeMap<>();
      written.keySet().forEach(table -> outputVersions.put(table, publisher.version(table)));
      publisher.upsert("run_log", spark.createDataFrame(List.of(RunLog.row(new RunLog.Entry(runId, JOB,
          scope.logicalDate(), scope.firstDay(), scope.lastMonthStart(), started, Instant.now(), "succeeded",
          AppVersion.get(), settings.configHash(), planHashes(settings), sourceCounts, written, unattributed,
          inputVersions.versions(), inputVersions.fingerprints(), outputVersions, gate.quarantinedByReason()))),
          RunLog.SCHEMA), RunLog.RUN_ID);
      return new RunResult(runId, scope, written, Instant.now().toEpochMilli() - started.toEpochMilli());
    } finally {
      gate.unpersist();
    }
  }

  /**
   * Step 12 once a month is closed: the corrections of the restated months, posted in the first open month,
   * and the corrections the rewritten months hold for older closed months, kept.
   */
  private static CompEngine.Corrections corrections(Ledger ledger, ClosedMonths closed,
      Optional<ClosedMonths.Range> restated, RunScope payScope) {
    if (!closed.any()) {
      return CompEngine.Corrections.NONE;
    }
    return stepLines -> {
      Dataset<Row> rewritten = ledger.rewrittenLines(payScope.from(), payScope.to());
      if (restated.isEmpty()) {
        return PriorPeriodAdjustments.carried(rewritten, null, null);
      }
      LocalDate from = restated.get().from().atDay(1);
      LocalDate to = restated.get().to().atDay(1);
      return PriorPeriodAdjustments.carried(rewritten, from, to).unionByName(PriorPeriodAdjustments.build(stepLines,
          ledger.keptLines(payScope.from(), payScope.to()), from, to, payScope.firstDay()));
    };
  }

  /** The production rules: the configured plans and awards as the baseline scenario. */
  static PayrollModel.Rules rules(SparkSession spark, Settings settings) {
    return new PayrollModel.Rules(
        PlanTable.of(spark, PlanTable.rows(PlanTable.BASELINE, settings.comp().plans())),
        AwardRulesTable.of(spark, List.of(AwardRulesTable.row(PlanTable.BASELINE, settings.comp().awards()))),
        settings.comp().coaching(), settings.comp().requiredCourses(), settings.comp().lookbackMonths(),
        settings.reportingCurrency());
  }

  private static Map<String, String> planHashes(Settings settings) {
    Map<String, String> hashes = new TreeMap<>();
    for (Plan plan : settings.comp().plans().values()) {
      for (PlanVersion v : plan.versions()) {
        hashes.put(plan.id() + "@" + v.effectiveFrom(), v.hash());
      }
    }
    return hashes;
  }
}
