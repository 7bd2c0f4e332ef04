package org.salescomp.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.InParallel;
import org.salescomp.common.Messages;
import org.salescomp.domain.RunScope;
import org.salescomp.engine.BalanceLines;
import org.salescomp.engine.PayLines;
import org.salescomp.engine.Payouts;
import org.salescomp.engine.PlanTable;
import org.salescomp.engine.SpecialAwards;
import org.salescomp.engine.TeamAwards;
import org.salescomp.io.DeltaPublisher;
import org.salescomp.io.PublishedTable;
import org.salescomp.marts.CoachingFlags;
import org.salescomp.marts.CommissionLines;
import org.salescomp.marts.KpiRegionPeriod;
import org.salescomp.marts.KpiRepPeriod;
import org.salescomp.marts.KpiTeamPeriod;
import org.salescomp.marts.PeriodClose;
import org.salescomp.marts.PublishedCatalog;
import org.salescomp.marts.RunLog;
import org.salescomp.quality.Quarantine;

/**
 * Writes the tables of a run: each declared table ({@link PublishedCatalog}) gets its computed rows, and
 * {@link DeltaPublisher#publish} keeps and replaces exactly the rows the run owns.
 */
final class PublishedTables {
  /**
   * Test hook, a JVM system property (not a config key): {@code -Dsalescomp-test.pause-after-commits=N}
   * publishes one table at a time and, after the Nth table's commit, prints {@link #PAUSED} on stderr and
   * waits forever, so that a test can kill the process at a known point (see PublishKillTest).
   */
  static final String PAUSE_AFTER_COMMITS = "salescomp-test.pause-after-commits";
  static final String PAUSED = "salescomp-test: paused after commit ";
  /** Spark's thread-local property naming the fair-scheduler pool of the jobs a thread submits. */
  private static final String SCHEDULER_POOL = "spark.scheduler.pool";

  private PublishedTables() {}

  /** A table's computed rows and the scope whose owned rows they replace. */
  record Rows(Dataset<Row> rows, RunScope scope) {}

  /**
   * The computed rows of every published table but run_log, which records the others, and period_close,
   * which {@code close} writes.
   *
   * @param kpiScope the months the KPI tables are computed over ({@link KpiHorizon}); the run's own
   *     months for every other table
   * @param payScope the run's open months: a table frozen by close ({@link PublishedTable#frozenByClose})
   *     replaces only these, so a closed month's rows never change (Delta refuses a row outside them)
   */
  static Map<PublishedTable, Rows> of(PayrollModel model, Dataset<Row> quarantine, Messages messages,
      RunScope scope, RunScope kpiScope, RunScope payScope, Dataset<Row> teams,
      Map<PublishedTable, Dataset<Row>> dimensions) {
    Map<PublishedTable, Rows> rows = new LinkedHashMap<>();
    rows.put(CommissionLines.TABLE, new Rows(CommissionLines.published(model.pay().lines(), messages), scope));
    rows.put(Payouts.TABLE, new Rows(CommissionLines.publishedPayouts(model.pay().payouts(), model.repMonths(),
        teams, kpiScope.lastMonthStart()), scope));
    rows.put(BalanceLines.TABLE, new Rows(baseline(model.pay().balances()), scope));
    rows.put(KpiRepPeriod.TABLE, new Rows(model.kpis().repPeriods(), kpiScope));
    rows.put(KpiTeamPeriod.TABLE, new Rows(model.kpis().teamPeriods(), kpiScope));
    rows.put(KpiRegionPeriod.TABLE, new Rows(model.kpis().regionPeriods(), kpiScope));
    rows.put(TeamAwards.TABLE, new Rows(baseline(model.pay().teamAwards()), scope));
    rows.put(SpecialAwards.TABLE, new Rows(baseline(model.pay().specialAwards()), scope));
    rows.put(CoachingFlags.TABLE, new Rows(model.coachingFlags(), scope));
    rows.put(Quarantine.TABLE, new Rows(quarantine, scope));
    dimensions.forEach((table, dim) -> rows.put(table, new Rows(dim, scope)));
    List<String> undeclared = new ArrayList<>(PublishedCatalog.TABLES.stream().map(PublishedTable::name).toList());
    undeclared.removeAll(rows.keySet().stream().map(PublishedTable::name).toList());
    if (!Set.copyOf(undeclared).equals(Set.of(RunLog.TABLE.name(), PeriodClose.TABLE.name()))) {
      throw new IllegalStateException("published tables without rows: " + undeclared);
    }
    rows.replaceAll((table, computed) -> table.frozenByClose() ? new Rows(computed.rows(), payScope) : computed);
    return rows;
  }

  /**
   * Each table is its own Delta commit, independent of the others: all are written side by side, which
   * hides the per-commit latency, each in its own fair-scheduler pool ({@link #SCHEDULER_POOL}), so a
   * small table's few tasks run beside a big table's many instead of queueing behind them. The first
   * failure is rethrown once every write has ended.
   *
   * @return per table, its commit, or its version as it stands when the run had nothing to change
   */
  static Map<String, DeltaPublisher.Commit> write(DeltaPublisher publisher, Map<PublishedTable, Rows> tables) {
    int pauseAfter = Integer.getInteger(PAUSE_AFTER_COMMITS, 0);
    AtomicInteger committed = new AtomicInteger();
    Map<String, PublishedTable> byName = new LinkedHashMap<>();
    tables.keySet().forEach(table -> byName.put(table.name(), table));
    return InParallel.map("publishing", byName.keySet(), pauseAfter > 0 ? 1 : tables.size(), name -> {
      PublishedTable table = byName.get(name);
      Rows rows = tables.get(table);
      // a job's pool is a thread-local property of the thread that submits it
      rows.rows().sparkSession().sparkContext().setLocalProperty(SCHEDULER_POOL, name);
      Optional<DeltaPublisher.Commit> commit = publisher.publish(table, rows.rows(), rows.scope());
      if (committed.incrementAndGet() == pauseAfter) {
        pauseForever(name);
      }
      // no commit (nothing to replace, nothing to add): the table as it stands is the run's, 0 rows
      // written; its version is recorded all the same, or readers would not see a table left empty
      return commit.orElseGet(() -> new DeltaPublisher.Commit(publisher.version(name), 0));
    });
  }

  private static void pauseForever(String table) throws InterruptedException {
    System.err.println(PAUSED + table);
    System.err.flush();
    Thread.sleep(Long.MAX_VALUE);
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
}
