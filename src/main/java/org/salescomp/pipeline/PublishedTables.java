package org.salescomp.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Messages;
import org.salescomp.domain.RunScope;
import org.salescomp.engine.PayLines;
import org.salescomp.engine.PlanTable;
import org.salescomp.io.DeltaPublisher;
import org.salescomp.marts.CommissionLines;
import org.salescomp.quality.Quarantine;

/**
 * Writes the marts of a run: each table replaces exactly the periods the run owns (months; the
 * quarters and years containing them for KPIs; quarters paid in its months for awards), rows carry
 * the run id, and rows are sorted so the files' contents are deterministic.
 */
final class PublishedTables {
  private static final int PARALLEL_WRITES = 4;
  private PublishedTables() {}

  /**
   * @param scope the run's months: the KPI tables and coaching flags keep the latest facts of all of them
   * @param payScope its open months: pay tables never rewrite a closed month (Delta refuses a row outside
   *     the replaced months)
   */
  static Map<String, Long> write(DeltaPublisher publisher, PayrollModel model, Dataset<Row> quarantine,
      RunScope scope, RunScope payScope, String runId, Messages messages) {
    Map<String, Callable<Long>> tasks = new LinkedHashMap<>();
    // the run's own quarantined rows: a rerun with the same run id replaces them
    tasks.put(Quarantine.TABLE, () -> publisher.replace(Quarantine.TABLE,
        quarantine.repartition(1).sortWithinPartitions(Quarantine.SOURCE, Quarantine.REASON, Quarantine.ROW_KEY,
            Quarantine.ROW),
        Quarantine.ownedRows(runId)));
    String paidMonths = between("month", payScope.firstDay(), payScope.lastMonthStart());
    tasks.put("commission_lines", () -> publisher.replace("commission_lines",
        CommissionLines.published(model.pay().lines(), runId, messages).where(monthsIn(payScope, "month"))
            .repartition(col("month")).sortWithinPartitions("rep_id", "line_type", "deal_id", "explanation", "amount"),
        paidMonths, "month"));
    tasks.put("payouts", () -> publisher.replace("payouts",
        CommissionLines.publishedPayouts(model.pay().payouts(), runId).where(monthsIn(payScope, "month"))
            .repartition(1).sortWithinPartitions("month", "rep_id"),
        paidMonths));

    tasks.put("rep_balances", () -> publisher.replace("rep_balances",
        withRunId(baseline(model.pay().balances()).where(monthsIn(payScope, "month")), runId)
            .repartition(1).sortWithinPartitions("month", "rep_id"),
        paidMonths));

    String periods = KpiPeriods.ownedRows(scope);
    tasks.put("kpi_rep_period", () -> publisher.replace("kpi_rep_period",
        withRunId(KpiPeriods.inScope(model.kpis().repPeriods(), scope), runId)
            .repartition(1).sortWithinPartitions("period_type", "period_start", "rep_id"),
        periods, "period_type"));
    tasks.put("kpi_team_period", () -> publisher.replace("kpi_team_period",
        withRunId(KpiPeriods.inScope(model.kpis().teamPeriods(), scope), runId)
            .repartition(1).sortWithinPartitions("period_type", "period_start", "team_id"),
        periods, "period_type"));
    tasks.put("kpi_region_period", () -> publisher.replace("kpi_region_period",
        withRunId(KpiPeriods.inScope(model.kpis().regionPeriods(), scope), runId)
            .repartition(1).sortWithinPartitions("period_type", "period_start", "region"),
        periods, "period_type"));

    // a quarter's awards are paid in its last month: the run owns the quarters paid in its months
    String quarters = between("quarter", payScope.firstDay().minusMonths(2), payScope.lastMonthStart().minusMonths(2));
    Column paidInScope = col("quarter").between(lit(payScope.firstDay().minusMonths(2)),
        lit(payScope.lastMonthStart().minusMonths(2)));
    tasks.put("team_awards", () -> publisher.replace("team_awards",
        withRunId(baseline(model.pay().teamAwards()).where(paidInScope), runId)
            .repartition(1).sortWithinPartitions("quarter", "team_id", "award"),
        quarters));
    tasks.put("special_awards", () -> publisher.replace("special_awards",
        withRunId(baseline(model.pay().specialAwards()).where(paidInScope), runId)
            .repartition(1).sortWithinPartitions("quarter", "award", "rank"),
        quarters));
    tasks.put("coaching_flags", () -> publisher.replace("coaching_flags",
        withRunId(model.coachingFlags().where(monthsIn(scope, "month")), runId)
            .repartition(1).sortWithinPartitions("month", "rep_id", "reason"),
        between("month", scope.firstDay(), scope.lastMonthStart())));
    return runConcurrently(tasks);
  }

  /**
   * Each table is its own Delta commit, independent of the others: writing them side by side hides
   * the per-commit latency. The first failure is rethrown once every write has ended.
   */
  private static Map<String, Long> runConcurrently(Map<String, Callable<Long>> tasks) {
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_WRITES);
    try {
      Map<String, Future<Long>> futures = new LinkedHashMap<>();
      tasks.forEach((table, task) -> futures.put(table, pool.submit(task)));
      Map<String, Long> written = new LinkedHashMap<>();
      RuntimeException failure = null;
      for (Map.Entry<String, Future<Long>> f : futures.entrySet()) {
        try {
          written.put(f.getKey(), f.getValue().get());
        } catch (ExecutionException e) {
          if (failure == null) {
            failure = e.getCause() instanceof RuntimeException r ? r
                : new IllegalStateException("publishing " + f.getKey() + " failed", e.getCause());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while publishing " + f.getKey(), e);
        }
      }
      if (failure != null) {
        throw failure;
      }
      return written;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Dataset<Row> baseline(Dataset<Row> rows) {
    List<Column> columns = new ArrayList<>();
    for (String c : rows.columns()) {
      if (!c.equals(PayLines.SCENARIO)) {
        columns.add(col(c));
      }
    }
    return rows.where(col(PlanTable.SCENARIO).equalTo(lit(PlanTable.BASELINE))).select(columns.toArray(Column[]::new));
  }

  private static Dataset<Row> withRunId(Dataset<Row> rows, String runId) {
    return rows.withColumn("run_id", lit(runId));
  }

  private static Column monthsIn(RunScope scope, String column) {
    return col(column).between(lit(scope.firstDay()), lit(scope.lastMonthStart()));
  }

  private static String between(String column, java.time.LocalDate from, java.time.LocalDate to) {
    return column + " >= '" + from + "' AND " + column + " <= '" + to + "'";
  }
}
