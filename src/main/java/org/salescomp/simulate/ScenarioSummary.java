package org.salescomp.simulate;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Money;
import org.salescomp.common.Periods;
import org.salescomp.domain.RunScope;
import org.salescomp.intermediate.PeriodRollup;
import org.salescomp.intermediate.Ratios;
import org.salescomp.intermediate.RepMonths;
import org.salescomp.marts.KpiRepPeriod;

/**
 * {@code scenario_summary}: one row per simulation, scenario, period (each month, each quarter, and
 * {@code overall}: all the simulated months) and group ({@code all} reps; for quarters and overall also
 * each team, region and role). A rep's change is its pay in the scenario minus its pay in the scenario
 * compared with (the baseline unless chosen otherwise), over the period; a rep paid in only one of the
 * two counts 0 in the other. A rep belongs to the team and role of its last roster month in the period.
 *
 * <ul>
 *   <li>total_cost, cost_&lt;payouts column&gt;: the pay of the group's reps; comparison_cost the same
 *       in the scenario compared with; change_total and change_&lt;column&gt; the differences;
 *   <li>revenue (credited revenue of the period's months) and cost_to_revenue;
 *   <li>reps, reps_better / reps_worse / reps_unchanged (change above, below or at 0), and
 *       change_p10 .. change_p90: nearest-rank percentiles of the per-rep change (values of the data);
 *   <li>reps_with_quota and share_at_or_above_quota: attainment of at least 1 for the month, the
 *       quarter ({@code kpi_rep_period}'s quarter row) or, overall, the months' revenue over their
 *       summed quotas; the same in every scenario, since plans do not change attainment;
 *   <li>top_gainers, top_losers: the five reps with the largest rise and fall (rep_id, change).
 * </ul>
 */
final class ScenarioSummary {
  static final String SIMULATION_ID = ScenarioPayouts.SIMULATION_ID;
  static final String SCENARIO = ScenarioPayouts.SCENARIO;
  static final String COMPARED_WITH = "compared_with";
  static final String PERIOD_TYPE = PeriodRollup.PERIOD_TYPE;
  static final String PERIOD_START = PeriodRollup.PERIOD_START;
  static final String PERIOD_END = "period_end";
  static final String GROUP_BY = "group_by";
  static final String GROUP_VALUE = "group_value";
  static final String REPS = "reps";
  static final String TOTAL_COST = "total_cost";
  static final String COMPARISON_COST = "comparison_cost";
  static final String CHANGE_TOTAL = "change_total";
  static final String REVENUE = "revenue";
  static final String COST_TO_REVENUE = "cost_to_revenue";
  static final String REPS_BETTER = "reps_better";
  static final String REPS_WORSE = "reps_worse";
  static final String REPS_UNCHANGED = "reps_unchanged";
  static final List<String> PERCENTILES = List.of("change_p10", "change_p25", "change_median", "change_p75",
      "change_p90");
  static final String REPS_WITH_QUOTA = "reps_with_quota";
  static final String SHARE_AT_QUOTA = "share_at_or_above_quota";
  static final String TOP_GAINERS = "top_gainers";
  static final String TOP_LOSERS = "top_losers";

  /** period_type values. */
  static final String MONTH = PeriodRollup.TYPE_MONTH;
  static final String QUARTER = PeriodRollup.TYPE_QUARTER;
  static final String OVERALL = "overall";
  /** group_by values; group_value is the team, region or role ({@value #NONE} without a roster row). */
  static final String ALL = "all";
  static final String TEAM = "team";
  static final String REGION = "region";
  static final String ROLE = "role";
  static final String NONE = "(none)";

  private static final int TOP = 5;
  private static final String CMP = "cmp_";
  private static final String CHANGE = "change_";
  private static final String COST = "cost_";

  /**
   * @param scenarioPayouts {@link ScenarioPayouts} of one simulation
   * @param repMonths {@link RepMonths}
   * @param teams the teams source
   * @param kpiRepPeriods {@code kpi_rep_period}
   * @param comparedWith the scenario each is compared with
   */
  record Inputs(Dataset<Row> scenarioPayouts, Dataset<Row> repMonths, Dataset<Row> teams,
      Dataset<Row> kpiRepPeriods, String comparedWith, RunScope scope,
      String simulationId) {}

  private ScenarioSummary() {}

  /** Payouts columns summed by line kind (all but total). */
  static List<String> payColumns() {
    return ScenarioPayouts.amountColumns().stream().filter(c -> !c.equals(ScenarioPayouts.TOTAL)).toList();
  }

  static Dataset<Row> build(Inputs in) {
    // attributes and attainment have a row per period and rep, not per scenario: small, broadcast
    Dataset<Row> reps = repChanges(in)
        .join(broadcast(repAttributes(in)), new String[] {PERIOD_TYPE, PERIOD_START, ScenarioPayouts.REP_ID}, "left")
        .join(broadcast(repAttainment(in)), new String[] {PERIOD_TYPE, PERIOD_START, ScenarioPayouts.REP_ID}, "left");
    Column all = struct(lit(ALL).as(GROUP_BY), lit(ALL).as(GROUP_VALUE));
    Column groups = when(col(PERIOD_TYPE).equalTo(lit(MONTH)), array(all)).otherwise(array(all,
        group(TEAM, col(RepMonths.TEAM_ID)), group(REGION, col(REGION)), group(ROLE, col(RepMonths.ROLE))));
    Dataset<Row> grouped = reps.withColumn("g", explode(groups))
        .groupBy(col(SCENARIO), col(PERIOD_TYPE), col(PERIOD_START), col("g." + GROUP_BY).as(GROUP_BY),
            col("g." + GROUP_VALUE).as(GROUP_VALUE))
        .agg(count(lit(1)).as(REPS), aggregates().toArray(Column[]::new));
    return grouped.select(published(in).toArray(Column[]::new));
  }

  private static Column group(String by, Column value) {
    return struct(lit(by).as(GROUP_BY), coalesce(value, lit(NONE)).as(GROUP_VALUE));
  }

  /** The month, its quarter and the whole simulation, as (period_type, period_start). */
  private static Column periodsOf(Column month, RunScope scope) {
    return array(PeriodRollup.period(MONTH, month), PeriodRollup.period(QUARTER, Periods.quarterOf(month)),
        PeriodRollup.period(OVERALL, lit(scope.firstDay())));
  }

  /** One row per scenario, period and rep paid in any scenario: pay, pay compared with, and the change. */
  private static Dataset<Row> repChanges(Inputs in) {
    List<Column> sums = new ArrayList<>();
    ScenarioPayouts.amountColumns().forEach(c -> sums.add(Money.sum(col(c)).as(c)));
    Dataset<Row> costs = in.scenarioPayouts()
        .withColumn("p", explode(periodsOf(col(ScenarioPayouts.MONTH), in.scope())))
        .groupBy(col(SCENARIO), col("p." + PERIOD_TYPE).as(PERIOD_TYPE), col("p." + PERIOD_START).as(PERIOD_START),
            col(ScenarioPayouts.REP_ID))
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new));
    // every scenario has a payouts row for every rep-month (each has a base_salary line, even of 0.00, in
    // every scenario), so a rep paid in the scenario compared with is paid in each scenario; a rep paid
    // only in a scenario counts 0 in the one compared with
    List<Column> compared = new ArrayList<>(List.of(col(PERIOD_TYPE), col(PERIOD_START), col(ScenarioPayouts.REP_ID)));
    ScenarioPayouts.amountColumns().forEach(c -> compared.add(col(c).as(CMP + c)));
    Dataset<Row> base = costs.where(col(SCENARIO).equalTo(lit(in.comparedWith())))
        .select(compared.toArray(Column[]::new));
    Dataset<Row> changes = costs.join(broadcast(base), new String[] {PERIOD_TYPE, PERIOD_START,
        ScenarioPayouts.REP_ID}, "left");
    for (String c : ScenarioPayouts.amountColumns()) {
      changes = changes.withColumn(CMP + c, coalesce(col(CMP + c), Money.zero()))
          .withColumn(CHANGE + c, col(c).minus(col(CMP + c)).cast(Money.MONEY));
    }
    return changes;
  }

  /** Team, region and role of each rep's last roster month in each period of the simulated months. */
  private static Dataset<Row> repAttributes(Inputs in) {
    RunScope scope = in.scope();
    Dataset<Row> byPeriod = in.repMonths()
        .where(col(RepMonths.MONTH).between(lit(scope.firstDay()), lit(scope.lastMonthStart())))
        .withColumn("p", explode(periodsOf(col(RepMonths.MONTH), scope)))
        .groupBy(col("p." + PERIOD_TYPE).as(PERIOD_TYPE), col("p." + PERIOD_START).as(PERIOD_START),
            col(RepMonths.REP_ID))
        .agg(max_by(struct(col(RepMonths.TEAM_ID), col(RepMonths.ROLE)), col(RepMonths.MONTH)).as("last"));
    Dataset<Row> regions = in.teams().select(col("team_id").as("r_team_id"), col("region").as(REGION));
    return byPeriod
        .select(col(PERIOD_TYPE), col(PERIOD_START), col(RepMonths.REP_ID),
            col("last." + RepMonths.TEAM_ID).as(RepMonths.TEAM_ID), col("last." + RepMonths.ROLE).as(RepMonths.ROLE))
        .join(regions, col(RepMonths.TEAM_ID).equalTo(col("r_team_id")), "left")
        .drop("r_team_id");
  }

  /** Revenue, whether the rep has a quota, and whether it reached it, per rep and period. */
  private static Dataset<Row> repAttainment(Inputs in) {
    RunScope scope = in.scope();
    Column inScope = col(KpiRepPeriod.PERIOD_START).between(lit(scope.firstDay()), lit(scope.lastMonthStart()));
    Dataset<Row> months = in.kpiRepPeriods()
        .where(col(KpiRepPeriod.PERIOD_TYPE).equalTo(lit(MONTH)).and(inScope));
    Column hasQuota = col(KpiRepPeriod.QUOTA).gt(0);
    Dataset<Row> monthly = months.select(lit(MONTH).as(PERIOD_TYPE), col(KpiRepPeriod.PERIOD_START),
        col(KpiRepPeriod.REP_ID), col(KpiRepPeriod.REVENUE).as(REVENUE), coalesce(hasQuota, lit(false)).as("has_quota"),
        coalesce(col(KpiRepPeriod.ATTAINMENT).geq(1), lit(false)).as("at_quota"));
    Dataset<Row> overall = months
        .groupBy(col(KpiRepPeriod.REP_ID))
        .agg(sum(col(KpiRepPeriod.REVENUE)).as(REVENUE),
            sum(when(hasQuota, col(KpiRepPeriod.REVENUE))).as("quota_revenue"),
            sum(when(hasQuota, col(KpiRepPeriod.QUOTA))).as("quota_sum"))
        .select(lit(OVERALL).as(PERIOD_TYPE), lit(scope.firstDay()).as(PERIOD_START), col(KpiRepPeriod.REP_ID),
            col(REVENUE), coalesce(col("quota_sum").gt(0), lit(false)).as("has_quota"),
            coalesce(col("quota_revenue").geq(col("quota_sum")).and(col("quota_sum").gt(0)), lit(false))
                .as("at_quota"));
    Dataset<Row> quarterKpis = in.kpiRepPeriods()
        .where(col(KpiRepPeriod.PERIOD_TYPE).equalTo(lit(QUARTER)))
        .select(col(KpiRepPeriod.REP_ID).as("q_rep_id"), col(KpiRepPeriod.PERIOD_START).as("q_start"),
            coalesce(hasQuota, lit(false)).as("has_quota"),
            coalesce(col(KpiRepPeriod.ATTAINMENT).geq(1), lit(false)).as("at_quota"));
    Dataset<Row> quarterly = months
        .groupBy(col(KpiRepPeriod.REP_ID), Periods.quarterOf(col(KpiRepPeriod.PERIOD_START)).as(PERIOD_START))
        .agg(sum(col(KpiRepPeriod.REVENUE)).as(REVENUE))
        .join(quarterKpis, col(KpiRepPeriod.REP_ID).equalTo(col("q_rep_id"))
            .and(col(PERIOD_START).equalTo(col("q_start"))), "left")
        .select(lit(QUARTER).as(PERIOD_TYPE), col(PERIOD_START), col(KpiRepPeriod.REP_ID), col(REVENUE),
            coalesce(col("has_quota"), lit(false)).as("has_quota"), coalesce(col("at_quota"), lit(false)).as("at_quota"));
    return monthly.unionByName(quarterly).unionByName(overall)
        .withColumnRenamed(KpiRepPeriod.REP_ID, ScenarioPayouts.REP_ID);
  }

  private static List<Column> aggregates() {
    Column change = col(CHANGE + ScenarioPayouts.TOTAL);
    List<Column> aggs = new ArrayList<>();
    payColumns().forEach(c -> aggs.add(Money.sum(col(c)).as(COST + c)));
    aggs.add(Money.sum(col(ScenarioPayouts.TOTAL)).as(TOTAL_COST));
    aggs.add(Money.sum(col(CMP + ScenarioPayouts.TOTAL)).as(COMPARISON_COST));
    payColumns().forEach(c -> aggs.add(Money.sum(col(CHANGE + c)).as(CHANGE + c)));
    aggs.add(Money.sum(change).as(CHANGE_TOTAL));
    aggs.add(coalesce(Money.sum(col(REVENUE)), Money.zero()).as(REVENUE));
    aggs.add(count(when(change.gt(0), lit(1))).as(REPS_BETTER));
    aggs.add(count(when(change.lt(0), lit(1))).as(REPS_WORSE));
    aggs.add(count(when(change.equalTo(0), lit(1))).as(REPS_UNCHANGED));
    // an accuracy far above any group's size: the percentiles are exact values of the data
    aggs.add(percentile_approx(change, array(lit(0.1), lit(0.25), lit(0.5), lit(0.75), lit(0.9)), lit(1_000_000))
        .as("pct"));
    aggs.add(count(when(col("has_quota"), lit(1))).as(REPS_WITH_QUOTA));
    aggs.add(count(when(col("at_quota"), lit(1))).as("reps_at_quota"));
    Column entry = struct(change.as("change"), col(ScenarioPayouts.REP_ID).as("rep_id"));
    aggs.add(collect_list(when(change.gt(0), entry)).as("gainers"));
    aggs.add(collect_list(when(change.lt(0), entry)).as("losers"));
    return aggs;
  }

  private static List<Column> published(Inputs in) {
    RunScope scope = in.scope();
    Column periodEnd = when(col(PERIOD_TYPE).equalTo(lit(MONTH)), last_day(col(PERIOD_START)))
        .when(col(PERIOD_TYPE).equalTo(lit(QUARTER)),
            least(last_day(add_months(col(PERIOD_START), 2)), lit(scope.logicalDate())))
        .otherwise(lit(scope.to().atEndOfMonth()));
    List<Column> columns = new ArrayList<>(List.of(lit(in.simulationId()).as(SIMULATION_ID), col(SCENARIO),
        lit(in.comparedWith()).as(COMPARED_WITH), col(PERIOD_TYPE), col(PERIOD_START), periodEnd.as(PERIOD_END),
        col(GROUP_BY), col(GROUP_VALUE), col(REPS), col(TOTAL_COST), col(COMPARISON_COST), col(CHANGE_TOTAL),
        col(REVENUE), Ratios.divide(col(TOTAL_COST), col(REVENUE)).as(COST_TO_REVENUE),
        col(REPS_BETTER), col(REPS_WORSE), col(REPS_UNCHANGED)));
    for (int i = 0; i < PERCENTILES.size(); i++) {
      columns.add(element_at(col("pct"), i + 1).cast(Money.MONEY).as(PERCENTILES.get(i)));
    }
    columns.add(col(REPS_WITH_QUOTA));
    columns.add(Ratios.divide(col("reps_at_quota"), col(REPS_WITH_QUOTA)).as(SHARE_AT_QUOTA));
    payColumns().forEach(c -> columns.add(col(COST + c)));
    payColumns().forEach(c -> columns.add(col(CHANGE + c)));
    columns.add(top(sort_array(col("gainers"), false)).as(TOP_GAINERS));
    columns.add(top(sort_array(col("losers"), true)).as(TOP_LOSERS));
    return columns;
  }

  private static Column top(Column sorted) {
    return transform(slice(sorted, 1, TOP), e -> struct(e.getField("rep_id").as("rep_id"),
        e.getField("change").as("change")));
  }
}
