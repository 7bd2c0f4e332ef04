package org.salescomp.marts;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Money;
import org.salescomp.common.Periods;
import org.salescomp.engine.PlanTable;
import org.salescomp.engine.RepMonthPlans;
import org.salescomp.engine.ScorecardBonusLines;
import org.salescomp.intermediate.PeriodRollup;
import org.salescomp.intermediate.RepMonths;

/**
 * The quarter's scorecard score S of every scenario: the KPI actuals and targets are the same in
 * every scenario, the KPIs, weights and score cap are those of the scenario's plan version in force
 * in the rep's last month of the quarter (as {@code kpi_rep_period} scores the baseline). A scenario
 * that changes scorecard weights, or moves a role to a plan with other KPIs, gets its own scores;
 * the baseline's equal the published {@code scorecard_score}.
 */
public final class ScenarioScores {
  public static final String SCENARIO = PlanTable.SCENARIO;
  public static final String REP_ID = RepMonths.REP_ID;
  public static final String QUARTER = "quarter";
  public static final String SCORECARD_SCORE = KpiScorecard.SCORECARD_SCORE;

  private ScenarioScores() {}

  /**
   * One row per scenario, rep and quarter with a plan: scenario, rep_id, quarter, scorecard_score (the
   * input {@link ScorecardBonusLines} takes).
   *
   * @param repPeriodParts {@link org.salescomp.marts.KpiRepPeriod#withParts}: rep-periods with the
   *     additive parts of their measures
   * @param repMonthPlans {@link RepMonthPlans} of every scenario
   * @param quarterTargets {@link KpiScorecard#quarterTargets}
   */
  public static Dataset<Row> build(Dataset<Row> repPeriodParts, Dataset<Row> repMonthPlans,
      Dataset<Row> quarterTargets) {
    // every scenario has the same rep-months, so the rep's last month of a quarter is found once, on
    // plain columns, and the scenarios' plans are read at that month
    Dataset<Row> lastMonths = repMonthPlans
        .select(col(REP_ID).as("p_rep_id"), col(RepMonths.MONTH).as("last_month"))
        .distinct()
        .groupBy(col("p_rep_id"), Periods.quarterOf(col("last_month")).as("p_quarter"))
        .agg(max(col("last_month")).as("last_month"));
    Dataset<Row> lastMonthPlans = repMonthPlans
        .join(broadcast(lastMonths), col(REP_ID).equalTo(col("p_rep_id"))
            .and(col(RepMonths.MONTH).equalTo(col("last_month"))))
        .select(col(SCENARIO), col("p_rep_id"), col("p_quarter"),
            struct(col(PlanTable.KPI_SCORE_CAP), col(PlanTable.SCORECARD_KPIS)).as("plan"));
    Dataset<Row> quarters = repPeriodParts
        .where(col(PeriodRollup.PERIOD_TYPE).equalTo(lit(PeriodRollup.TYPE_QUARTER)))
        .drop(SCORECARD_SCORE);
    Dataset<Row> targets = quarterTargets.select(col(KpiScorecard.REP_ID).as("t_rep_id"),
        col(KpiScorecard.PERIOD_START).as("t_start"), col(KpiScorecard.QUARTER_TARGETS));
    // most scenarios keep the baseline's scorecard: each rep-quarter is scored once per distinct
    // scorecard (KPIs, weights, cap), and the scores fan out to the scenarios that use it
    String[] repQuarterPlan = {"p_rep_id", "p_quarter", "plan"};
    Dataset<Row> scored = quarters
        .join(lastMonthPlans.select(repQuarterPlan[0], repQuarterPlan[1], repQuarterPlan[2]).distinct(),
            col(REP_ID).equalTo(col("p_rep_id")).and(col(PeriodRollup.PERIOD_START).equalTo(col("p_quarter"))))
        .withColumn(KpiScorecard.KPI_SCORE_CAP, col("plan." + PlanTable.KPI_SCORE_CAP))
        .withColumn(KpiScorecard.SCORECARD_KPIS, col("plan." + PlanTable.SCORECARD_KPIS))
        .join(targets, col(REP_ID).equalTo(col("t_rep_id")).and(col(PeriodRollup.PERIOD_START).equalTo(col("t_start"))),
            "left")
        .select(col("p_rep_id"), col("p_quarter"), col("plan"),
            KpiScorecard.score(col(KpiRepPeriod.QUOTA)).cast(Money.RATIO).as(SCORECARD_SCORE));
    return lastMonthPlans
        .join(scored, repQuarterPlan)
        .select(col(SCENARIO), col("p_rep_id").as(REP_ID), col("p_quarter").as(QUARTER), col(SCORECARD_SCORE));
  }
}
