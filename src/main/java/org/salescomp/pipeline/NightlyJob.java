package org.salescomp.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.salescomp.common.AppVersion;
import org.salescomp.config.Settings;
import org.salescomp.domain.Plan;
import org.salescomp.domain.PlanVersion;
import org.salescomp.engine.PlanTable;
import org.salescomp.io.DeltaPublisher;
import org.salescomp.io.SourceTable;
import org.salescomp.marts.CommissionLines;
import org.salescomp.marts.KpiRepPeriod;
import org.salescomp.marts.RunLog;
import org.salescomp.staging.SourceData;

/**
 * The nightly job: read sources, compute KPIs and pay for every month up to the scope's end, and
 * replace the scope's months in the published tables. Idempotent: the same scope and inputs leave
 * the same contents.
 */
public final class NightlyJob {
  public static final String JOB = "run";

  private NightlyJob() {}

  public static RunResult run(SparkSession spark, Settings settings, RunScope scope, String runId) {
    Instant started = Instant.now();
    SourceData inputs = Sources.readAll(spark, settings);
    PlanCoverage.requirePlansFor(inputs.get(SourceTable.REPS), settings.comp().plans().keySet());
    List<RunLog.SourceCount> sourceCounts = SourceCounts.of(inputs, scope.logicalDate());

    Dataset<Row> planTable = PlanTable.of(spark, PlanTable.rows(PlanTable.BASELINE, settings.comp().plans()));
    PayrollModel model = PayrollModel.build(inputs, planTable, scope, settings.comp().lookbackMonths(),
        settings.reportingCurrency());
    PlanCoverage.requireVersionsInForce(model.repMonths(), planTable);

    Dataset<Row> lines = model.payLines().persist(StorageLevel.MEMORY_AND_DISK());
    try {
      DeltaPublisher publisher = new DeltaPublisher(spark, settings.lakehouseRoot(), runId);
      Map<String, Long> written = publish(publisher, model, lines, scope, runId);
      publisher.upsert("run_log", spark.createDataFrame(List.of(RunLog.row(new RunLog.Entry(runId, JOB,
          scope.logicalDate(), scope.firstDay(), scope.lastMonthStart(), started, Instant.now(), "succeeded",
          AppVersion.get(), settings.configHash(), planHashes(settings), sourceCounts, written, Map.of()))),
          RunLog.SCHEMA), RunLog.RUN_ID);
      return new RunResult(runId, scope, written, Instant.now().toEpochMilli() - started.toEpochMilli());
    } finally {
      lines.unpersist();
    }
  }

  private static Map<String, Long> publish(DeltaPublisher publisher, PayrollModel model, Dataset<Row> lines,
      RunScope scope, String runId) {
    String owned = monthRange("month", scope);
    Map<String, Long> written = new LinkedHashMap<>();
    written.put("commission_lines", publisher.replace("commission_lines",
        inScope(CommissionLines.published(lines, runId), "month", scope)
            .repartition(col("month")).sortWithinPartitions("rep_id", "line_type", "deal_id", "explanation"),
        owned, "month"));
    written.put("payouts", publisher.replace("payouts",
        inScope(CommissionLines.publishedPayouts(model.payouts(), runId), "month", scope)
            .repartition(1).sortWithinPartitions("month", "rep_id"),
        owned));
    String ownedPeriods = KpiPeriods.ownedRows(scope);
    written.put("kpi_rep_period", publisher.replace("kpi_rep_period",
        KpiPeriods.inScope(model.kpis().repPeriods(), scope).withColumn("run_id", lit(runId))
            .repartition(1).sortWithinPartitions(KpiRepPeriod.PERIOD_TYPE, KpiRepPeriod.PERIOD_START, KpiRepPeriod.REP_ID),
        ownedPeriods, KpiRepPeriod.PERIOD_TYPE));
    if (model.kpis().teamPeriods() != null) {
      written.put("kpi_team_period", publisher.replace("kpi_team_period",
          KpiPeriods.inScope(model.kpis().teamPeriods(), scope).withColumn("run_id", lit(runId))
              .repartition(1).sortWithinPartitions(KpiRepPeriod.PERIOD_TYPE, KpiRepPeriod.PERIOD_START, "team_id"),
          ownedPeriods, KpiRepPeriod.PERIOD_TYPE));
    }
    return written;
  }

  private static Dataset<Row> inScope(Dataset<Row> rows, String monthColumn, RunScope scope) {
    return rows.where(col(monthColumn).between(lit(scope.firstDay()), lit(scope.lastMonthStart())));
  }

  private static String monthRange(String column, RunScope scope) {
    return column + " >= '" + scope.firstDay() + "' AND " + column + " <= '" + scope.lastMonthStart() + "'";
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
