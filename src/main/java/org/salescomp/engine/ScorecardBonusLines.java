package org.salescomp.engine;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Money;
import org.salescomp.common.Periods;
import org.salescomp.intermediate.RepMonths;

/**
 * Step 9, {@code scorecard_bonus}, in a quarter's last month: 0 when the quarter's score S is below
 * the threshold, else {@code round2(target-bonus-quarterly * min(S, max-multiplier) * active_days /
 * days_in_quarter)}, with the plan of the quarter's last month. A rep without a roster row in that
 * month is not paid a bonus.
 */
public final class ScorecardBonusLines {
  private ScorecardBonusLines() {}

  /**
   * @param scores one row per scenario, rep and quarter: scenario, rep_id, quarter, scorecard_score
   * @param repMonthPlans {@link RepMonthPlans}
   */
  public static Dataset<Row> build(Dataset<Row> scores, Dataset<Row> repMonthPlans) {
    Dataset<Row> quarterDays = repMonthPlans
        .groupBy(col(PayLines.SCENARIO), col(PayLines.REP_ID), Periods.quarterOf(col(PayLines.MONTH)).as("quarter"))
        .agg(sum(col(RepMonths.ACTIVE_DAYS)).cast("int").as("quarter_active_days"));
    Dataset<Row> payMonth = repMonthPlans.withColumn("quarter", add_months(col(PayLines.MONTH), -2))
        .where(org.apache.spark.sql.functions.month(col(PayLines.MONTH)).isin(3, 6, 9, 12));
    Column score = col("scorecard_score");
    Column daysInQuarter = datediff(add_months(col("quarter"), 3), col("quarter"));
    Column multiple = least(score, col(PlanTable.SCORECARD_MAX_MULTIPLIER)).cast("decimal(24,20)");
    // target * days is exact money; times the score (20 decimals), then over the days of the quarter
    Column exact = col(PlanTable.TARGET_BONUS_QUARTERLY).multiply(col("quarter_active_days")).cast(Money.MONEY_SUM)
        .multiply(multiple).divide(daysInQuarter);
    Column amount = when(score.isNull().or(score.lt(col(PlanTable.SCORECARD_THRESHOLD))), Money.zero())
        .otherwise(Money.round2(exact));
    return LineBuilder.monthLines(
        payMonth.join(scores, new String[] {PayLines.SCENARIO, PayLines.REP_ID, "quarter"})
            .join(quarterDays, new String[] {PayLines.SCENARIO, PayLines.REP_ID, "quarter"}),
        PayLines.SCORECARD_BONUS, amount,
        Explanations.args(
            "score", score.cast("decimal(30,10)"),
            "target", col(PlanTable.TARGET_BONUS_QUARTERLY),
            "active_days", col("quarter_active_days"),
            "quarter_days", daysInQuarter));
  }
}
