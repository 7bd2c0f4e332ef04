package org.salescomp.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.salescomp.common.Money;

/**
 * Step 5, {@code clawback}: for each commission line of a rep, from this month or an earlier one, whose
 * deal has an event ({@link DealEvents}) in this month at most {@code window-days} after the close date
 * (churn only with {@code on-churn}): {@code -round2(rate * commission_i)} of that line. A deal line is
 * clawed back once, at its earliest qualifying event. Window, rate and on-churn are those of the plan
 * in force in the month of the clawback; a rep with no active day that month (after a termination)
 * is clawed back on the plan of the last active day ({@link CompEngine.Inputs#payMonthPlans}).
 */
public final class ClawbackLines {
  private ClawbackLines() {}

  /**
   * The deals some plan could claw back: those with an event no later after the close than the longest
   * window of any rep-month's plan. {@link #build} gives the same lines when handed only these deals'
   * commission lines.
   */
  public static Dataset<Row> candidateDeals(Dataset<Row> dealEvents, Dataset<Row> repMonthPlans) {
    Dataset<Row> longest = repMonthPlans.agg(max(col(PlanTable.CLAWBACK_WINDOW_DAYS)).as("longest_window"));
    return dealEvents
        .crossJoin(longest)
        .where(col(DealEvents.DAYS_AFTER_CLOSE).leq(col("longest_window")))
        .select(PayLines.DEAL_ID)
        .distinct();
  }

  /**
   * @param commissionLines {@link DealCommissionLines}
   * @param dealEvents {@link DealEvents}
   * @param repMonthPlans {@link RepMonthPlans}
   */
  public static Dataset<Row> build(Dataset<Row> commissionLines, Dataset<Row> dealEvents, Dataset<Row> repMonthPlans) {
    Dataset<Row> paidLines = commissionLines.select(col(PayLines.SCENARIO), col(PayLines.REP_ID),
        col(PayLines.MONTH).as("line_month"), col(PayLines.DEAL_ID), col(PayLines.CREDITED_AMOUNT),
        col(PayLines.AMOUNT).as("line_amount"));
    Dataset<Row> plans = repMonthPlans.select(col(PayLines.SCENARIO), col(PayLines.REP_ID),
        col(PayLines.MONTH).as(DealEvents.EVENT_MONTH), col(PlanTable.PLAN_ID), col(PlanTable.PLAN_HASH),
        col(PlanTable.CLAWBACK_WINDOW_DAYS), col(PlanTable.CLAWBACK_RATE), col(PlanTable.CLAWBACK_ON_CHURN));

    Column qualifies = col(DealEvents.EVENT_MONTH).geq(col("line_month"))
        .and(col(DealEvents.DAYS_AFTER_CLOSE).leq(col(PlanTable.CLAWBACK_WINDOW_DAYS)))
        .and(col(DealEvents.EVENT).notEqual(lit(DealEvents.CHURN)).or(col(PlanTable.CLAWBACK_ON_CHURN)));
    var earliestFirst = Window.partitionBy(PayLines.SCENARIO, PayLines.REP_ID, PayLines.DEAL_ID)
        .orderBy(col(DealEvents.EVENT_MONTH), col(DealEvents.EVENT).equalTo(lit(DealEvents.CHURN)),
            col(DealEvents.EVENT_DATE));
    Dataset<Row> clawed = paidLines
        .join(dealEvents, PayLines.DEAL_ID)
        .join(plans, new String[] {PayLines.SCENARIO, PayLines.REP_ID, DealEvents.EVENT_MONTH})
        .where(qualifies)
        .withColumn("event_rank", row_number().over(earliestFirst))
        .where(col("event_rank").equalTo(1))
        .withColumn(PayLines.MONTH, col(DealEvents.EVENT_MONTH));

    Column amount = Money.round2(col(PlanTable.CLAWBACK_RATE).multiply(col("line_amount"))).multiply(-1);
    Column args = Explanations.args(
        "deal", col(PayLines.DEAL_ID),
        "event", col(DealEvents.EVENT),
        "event_date", col(DealEvents.EVENT_DATE),
        "event_month", date_format(col(DealEvents.EVENT_DATE), "yyyy-MM"),
        "days", col(DealEvents.DAYS_AFTER_CLOSE),
        "share", when(col(PlanTable.CLAWBACK_RATE).notEqual(lit(1)), col(PlanTable.CLAWBACK_RATE)),
        "line_amount", col("line_amount"));

    return clawed
        .withColumn(PayLines.AMOUNT, amount.cast(Money.MONEY))
        .where(col(PayLines.AMOUNT).notEqual(lit(0)))
        .withColumn(PayLines.LINE_TYPE, lit(PayLines.CLAWBACK))
        .withColumn(PayLines.TIER, lit(null).cast("int"))
        .withColumn(PayLines.RATE, col(PlanTable.CLAWBACK_RATE))
        .withColumn(PayLines.MULTIPLIER, lit(null).cast(Money.RATE))
        .withColumn(PayLines.EXPLANATION_KEY, Explanations.key(PayLines.CLAWBACK, col(DealEvents.EVENT)))
        .withColumn(PayLines.EXPLANATION_ARGS, args)
        .transform(PayLines::conform);
  }
}
