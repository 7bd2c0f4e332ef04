package org.salescomp.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.salescomp.common.AppVersion;
import org.salescomp.common.Stages;
import org.salescomp.common.StepClock;
import org.salescomp.config.Settings;
import org.salescomp.domain.RunScope;
import org.salescomp.engine.AwardRulesTable;
import org.salescomp.engine.BalanceLines;
import org.salescomp.engine.CompEngine;
import org.salescomp.engine.PriorPeriodAdjustments;
import org.salescomp.engine.PlanTable;
import org.salescomp.intermediate.RepMonths;
import org.salescomp.intermediate.RosterMonths;
import org.salescomp.io.DeltaPublisher;
import org.salescomp.io.SourceTable;
import org.salescomp.marts.Dimensions;
import org.salescomp.marts.RunLog;
import org.salescomp.ops.InputVersions;
import org.salescomp.ops.RunRecord;
import org.salescomp.quality.GateResult;
import org.salescomp.quality.InputGate;
import org.salescomp.quality.SourceTally;
import org.salescomp.staging.SourceData;

/**
 * The nightly job: read sources, compute KPIs and pay for every month up to the scope's end, and
 * replace the scope's months in the published tables. Idempotent: the same scope and inputs leave
 * the same contents. Every input row passes the data-quality gate first (accepted, quarantined or
 * deferred); everything that can stop the run (schema, share of bad rows, configuration, plan
 * coverage) is checked before the first write. The run's run_log row says {@code running} from just
 * before its first commit until it says {@code succeeded} or {@code failed}; readers see the tables
 * at the versions of the last succeeded run, so a run killed halfway is invisible to them. Pay tables
 * are written in the run's open months only: closed months are recomputed inside the restate window
 * and corrected in the first open month (the pay ledger, {@link PriorPeriodAdjustments}).
 */
public final class NightlyJob {
  public static final String JOB = "run";

  private NightlyJob() {}

  /** A run whose failures are all recorded with exit code 1; the command line passes its own mapping. */
  public static RunResult run(SparkSession spark, Settings settings, RunScope scope, String runId) {
    return run(spark, settings, scope, runId, failure -> 1);
  }

  /**
   * @param exitCodes the exit code a failure ends the command with, recorded in run_log when the run
   *     fails after it started publishing
   */
  public static RunResult run(SparkSession spark, Settings settings, RunScope scope, String runId,
      ToIntFunction<Throwable> exitCodes) {
    Instant started = Instant.now();
    Ledger ledger = new Ledger(spark, settings.lakehouseRoot());
    ClosedMonths closed = StepClock.time("closed_months", ledger::closedMonths);
    // the run writes pay from its first open month; closed months it recomputes and corrects
    YearMonth firstOpen = closed.firstOpen(scope).orElseThrow(() -> new LedgerRefused("months " + scope.from()
        + ".." + scope.to() + " are all closed (closed through " + closed.last() + "): corrections of closed months"
        + " are posted by the next run of an open month"));
    Optional<ClosedMonths.Range> restated = closed.restated(scope, settings.restateMonths());
    InputVersions inputVersions = StepClock.time("input_versions", () -> InputVersions.capture(spark, settings));
    DeltaPublisher publisher = new DeltaPublisher(spark, settings.lakehouseRoot(), runId);
    // read first: the session then evaluates every query of the run, the horizon's too, as suits its size
    SourceData raw = Sources.readForRun(spark, settings, inputVersions);
    // the pay of the run's months does not depend on rows dated after them: the model may see more
    RunScope modelScope = StepClock.time("kpi_horizon", () -> KpiHorizon.of(spark, publisher, scope));
    GateResult gate = StepClock.time("gate_plans", () -> InputGate.check(raw, modelScope.logicalDate(),
        settings.reportingCurrency(), ledger.lateRows(closed.beforeWindow(scope, settings.restateMonths()))));
    try {
      // the gate's rows are computed (and cached) by the first job that reads them: the tally
      List<SourceTally> sourceCounts = StepClock.time("gate", gate::tally);
      gate.requireWithinThreshold(settings.quality());
      SourceData inputs = gate.accepted();
      PlanCoverage.requirePlansFor(inputs.get(SourceTable.REPS), settings.comp().plans().keySet());

      PayrollModel.Rules rules = rules(spark, settings);
      // the restated closed months are computed with the history their first run had
      RunScope computed = restated.map(r -> modelScope.reaching(r.from())).orElse(modelScope);
      StepClock.time("plan_coverage", () -> PlanCoverage.requireVersionsInForce(
          RepMonths.build(RosterMonths.build(PayrollModel.employed(inputs).get(SourceTable.REPS),
              computed.computeFrom(rules.lookbackMonths()), modelScope.lastMonthStart())), rules.planTable()));
      RunScope payScope = scope.startingAt(firstOpen);
      PayrollModel model = StepClock.time("model", () -> PayrollModel.build(inputs, rules, computed, Stages.checkpointed(), CompEngine.Detail.LINES,
          corrections(ledger, closed, restated, payScope)));
      if (!ledger.closedMonths().equals(closed)) {
        throw new LedgerRefused("months were closed while run " + runId + " computed (now closed through "
            + ledger.closedMonths().last() + "); nothing was written: run the same command again");
      }
      RunLog.Entry running = RunLog.Entry.running(runId, JOB, scope.logicalDate(), scope.firstDay(),
          scope.lastMonthStart(), started, AppVersion.get(), settings.configHash(), settings.comp().planHashes(), sourceCounts,
          inputVersions.versions(), inputVersions.fingerprints(), gate.quarantinedByReason(),
          RunRecord.find(spark, settings.lakehouseRoot(), runId).map(RunRecord::outputVersions).orElse(Map.of()));
      // readers keep reading the last succeeded run's versions until this row says succeeded
      StepClock.time("run_log_running", () -> record(spark, publisher, running));
      try {
        Map<String, DeltaPublisher.Commit> commits = StepClock.time("publish", () -> PublishedTables.write(publisher,
            PublishedTables.of(model, gate.quarantine(runId), settings.messages(), scope, modelScope, payScope,
                inputs.get(SourceTable.TEAMS), Dimensions.build(inputs, rules.planTable(), modelScope,
                    settings.reporting().fiscalYearStart(), settings.reporting().includeNames()))));
        Map<String, Long> written = new TreeMap<>();
        // a table this attempt did not commit keeps the version an earlier success of the run id recorded
        Map<String, Long> versions = new TreeMap<>(running.outputVersions());
        commits.forEach((table, commit) -> {
          written.put(table, commit.rows());
          versions.put(table, commit.version());
        });
        StepClock.time("run_log_succeeded", () -> record(spark, publisher, running.succeeded(Instant.now(), written,
            model.kpis().unattributedCounts(scope), versions)));
        StepClock.logPeakHeap();
        return new RunResult(runId, scope, written, Instant.now().toEpochMilli() - started.toEpochMilli());
      } catch (RuntimeException e) {
        recordFailure(spark, publisher, running, e, exitCodes.applyAsInt(e));
        throw e;
      }
    } finally {
      gate.unpersist();
    }
  }

  /**
   * Step 12 once a month is closed: the corrections of the restated months, posted in the first open month,
   * and the corrections the rewritten months hold for older closed months, kept. And, in every run, where
   * the balance step's fold starts: at the first month the run writes, with the balances owed after the
   * month before as the lakehouse holds them (as closed, when that month is closed); the months before
   * stand as published. A run computes earlier months too (its lookback, from a January), but only to
   * price the months it writes: a balance can be owed for longer than any lookback, and folded from zero
   * there, a draw owed since the year before went unrecovered.
   */
  private static CompEngine.Corrections corrections(Ledger ledger, ClosedMonths closed,
      Optional<ClosedMonths.Range> restated, RunScope payScope) {
    BalanceLines.Opening opening = ledger.openingAt(payScope.from());
    return new CompEngine.Corrections() {
      @Override
      public Dataset<Row> from(Dataset<Row> stepLines) {
        if (!closed.any()) {
          return null;
        }
        Dataset<Row> rewritten = ledger.rewrittenLines(payScope.from(), payScope.to());
        if (restated.isEmpty()) {
          return PriorPeriodAdjustments.carried(rewritten, null, null);
        }
        LocalDate from = restated.get().from().atDay(1);
        LocalDate to = restated.get().to().atDay(1);
        return PriorPeriodAdjustments.carried(rewritten, from, to).unionByName(PriorPeriodAdjustments.build(stepLines,
            ledger.keptLines(payScope.from(), payScope.to()), from, to, payScope.firstDay()));
      }

      @Override
      public BalanceLines.Opening openingBalances() {
        return opening;
      }
    };
  }

  private static void record(SparkSession spark, DeltaPublisher publisher, RunLog.Entry entry) {
    publisher.upsert(RunLog.TABLE, spark.createDataFrame(List.of(RunLog.row(entry)), RunLog.SCHEMA));
  }

  /** Best effort: a run_log that cannot be written either leaves the row running, and the first error wins. */
  private static void recordFailure(SparkSession spark, DeltaPublisher publisher, RunLog.Entry running,
      RuntimeException failure, int exitCode) {
    String message = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
    try {
      record(spark, publisher, running.failed(Instant.now(), exitCode, message.strip().lines().findFirst().orElse("")));
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
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
