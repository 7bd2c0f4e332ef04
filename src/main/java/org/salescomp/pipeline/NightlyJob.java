package org.salescomp.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import org.apache.spark.sql.SparkSession;
import org.salescomp.common.AppVersion;
import org.salescomp.common.Stages;
import org.salescomp.config.Settings;
import org.salescomp.domain.Plan;
import org.salescomp.domain.PlanVersion;
import org.salescomp.domain.RunScope;
import org.salescomp.engine.AwardRulesTable;
import org.salescomp.engine.PlanTable;
import org.salescomp.intermediate.RepMonths;
import org.salescomp.intermediate.RosterMonths;
import org.salescomp.io.DeltaPublisher;
import org.salescomp.io.SourceTable;
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
 * at the versions of the last succeeded run, so a run killed halfway is invisible to them.
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
    InputVersions inputVersions = InputVersions.capture(spark, settings);
    DeltaPublisher publisher = new DeltaPublisher(spark, settings.lakehouseRoot(), runId);
    // the pay of the run's months does not depend on rows dated after them: the model may see more
    RunScope modelScope = KpiHorizon.of(spark, publisher, scope);
    GateResult gate = InputGate.check(Sources.readRaw(spark, settings, inputVersions), modelScope.logicalDate(),
        settings.reportingCurrency());
    try {
      List<SourceTally> sourceCounts = gate.tally();
      gate.requireWithinThreshold(settings.quality());
      SourceData inputs = gate.accepted();
      PlanCoverage.requirePlansFor(inputs.get(SourceTable.REPS), settings.comp().plans().keySet());

      PayrollModel.Rules rules = rules(spark, settings);
      PlanCoverage.requireVersionsInForce(
          RepMonths.build(RosterMonths.build(PayrollModel.employed(inputs).get(SourceTable.REPS),
              modelScope.computeFrom(rules.lookbackMonths()), modelScope.lastMonthStart())), rules.planTable());
      PayrollModel model = PayrollModel.build(inputs, rules, modelScope, Stages.checkpointed());
      RunLog.Entry running = RunLog.Entry.running(runId, JOB, scope.logicalDate(), scope.firstDay(),
          scope.lastMonthStart(), started, AppVersion.get(), settings.configHash(), planHashes(settings), sourceCounts,
          inputVersions.versions(), inputVersions.fingerprints(), gate.quarantinedByReason(),
          RunRecord.find(spark, settings.lakehouseRoot(), runId).map(RunRecord::outputVersions).orElse(Map.of()));
      // readers keep reading the last succeeded run's versions until this row says succeeded
      record(spark, publisher, running);
      try {
        Map<String, DeltaPublisher.Commit> commits = PublishedTables.write(publisher,
            PublishedTables.of(model, gate.quarantine(runId), settings.messages(), scope, modelScope));
        Map<String, Long> written = new TreeMap<>();
        // a table this attempt did not commit keeps the version an earlier success of the run id recorded
        Map<String, Long> versions = new TreeMap<>(running.outputVersions());
        commits.forEach((table, commit) -> {
          written.put(table, commit.rows());
          versions.put(table, commit.version());
        });
        record(spark, publisher, running.succeeded(Instant.now(), written, model.kpis().unattributedCounts(scope),
            versions));
        return new RunResult(runId, scope, written, Instant.now().toEpochMilli() - started.toEpochMilli());
      } catch (RuntimeException e) {
        recordFailure(spark, publisher, running, e, exitCodes.applyAsInt(e));
        throw e;
      }
    } finally {
      gate.unpersist();
    }
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
