package org.salescomp.engine;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Money;

/**
 * One row per scenario and rep-month: the month's commission total C and what steps 3 and 4 of a
 * rep-month make of it.
 * <ul>
 *   <li>cx multiplier x: the multiplier of the lowest {@code csat-below} threshold the month's
 *       csat_avg is under (with at least {@code min-responses} surveys) times that of the highest
 *       {@code complaint-rate-above} threshold exceeded, raised to {@code floor}; no data, no modifier;
 *   <li>{@code cx_adjustment = round2(C * (x - 1))};
 *   <li>{@code cap_adjustment = monthly-cap - (C + cx)} when that is negative;
 *   <li>{@code net_commission = C + cx + cap}, the base of the guarantee top-up and the mentor bonus.
 * </ul>
 * Every rep-month of {@link RepMonthPlans} has a row, with C = 0 when it has no deals.
 */
public final class CommissionMonths {
  public static final String COMMISSION_TOTAL = "commission_total";
  public static final String CSAT_AVG = "csat_avg";
  public static final String CSAT_RESPONSES = "csat_responses";
  public static final String COMPLAINT_RATE = "complaint_rate";
  public static final String CSAT_MULTIPLIER = "csat_multiplier";
  public static final String COMPLAINT_MULTIPLIER = "complaint_multiplier";
  public static final String CX_MULTIPLIER = "cx_multiplier";
  public static final String CX_AMOUNT = "cx_amount";
  public static final String CAP_AMOUNT = "cap_amount";
  public static final String NET_COMMISSION = "net_commission";

  private CommissionMonths() {}

  /**
   * @param commissionLines {@link DealCommissionLines}
   * @param repMonthPlans {@link RepMonthPlans}
   * @param kpiMonths rep KPIs of months: rep_id, period_start (the month), csat_avg, csat_responses,
   *     complaint_rate (rows of other period types are ignored)
   */
  public static Dataset<Row> build(Dataset<Row> commissionLines, Dataset<Row> repMonthPlans, Dataset<Row> kpiMonths) {
    Dataset<Row> totals = commissionLines
        .groupBy(PayLines.SCENARIO, PayLines.REP_ID, PayLines.MONTH)
        .agg(Money.sum(col(PayLines.AMOUNT)).as(COMMISSION_TOTAL));
    Dataset<Row> cxInputs = kpiMonths
        .where(col("period_type").equalTo(lit("month")))
        .select(col("rep_id").as(PayLines.REP_ID), col("period_start").as(PayLines.MONTH),
            col(CSAT_AVG), col(CSAT_RESPONSES), col(COMPLAINT_RATE));

    Column c = col(COMMISSION_TOTAL);
    Column cx = col(CX_AMOUNT);
    Column capRoom = col(PlanTable.MONTHLY_CAP).minus(c.plus(cx));
    return repMonthPlans
        .join(totals, new String[] {PayLines.SCENARIO, PayLines.REP_ID, PayLines.MONTH}, "left")
        // a row per rep-month, not per scenario: small, broadcast
        .join(broadcast(cxInputs), new String[] {PayLines.REP_ID, PayLines.MONTH}, "left")
        .withColumn(COMMISSION_TOTAL, coalesce(c, Money.zero()))
        .withColumn(CSAT_MULTIPLIER, csatMultiplier())
        .withColumn(COMPLAINT_MULTIPLIER, complaintMultiplier())
        .withColumn(CX_MULTIPLIER, greatest(col(CSAT_MULTIPLIER).multiply(col(COMPLAINT_MULTIPLIER)),
            col(PlanTable.CX_FLOOR)).cast(Money.MULTIPLIER_18))
        .withColumn(CX_AMOUNT, Money.round2(c.multiply(col(CX_MULTIPLIER).minus(lit(1)))))
        .withColumn(CAP_AMOUNT, when(capRoom.lt(0), capRoom).otherwise(Money.zero()).cast(Money.MONEY))
        .withColumn(NET_COMMISSION, c.plus(cx).plus(col(CAP_AMOUNT)).cast(Money.MONEY))
        // the steps after this one read only scalar plan parameters: the lists, a row's largest part, stay behind
        .drop(PlanTable.TIERS, PlanTable.PRODUCT_MULTIPLIERS, PlanTable.CHANNEL_MULTIPLIERS, PlanTable.CX_CSAT_BELOW,
            PlanTable.CX_COMPLAINT_RATE_ABOVE, PlanTable.SCORECARD_KPIS);
  }

  /** The lowest csat-below threshold the csat_avg is under, with enough responses; else 1. */
  private static Column csatMultiplier() {
    Column enough = col(CSAT_RESPONSES).geq(col(PlanTable.CX_MIN_RESPONSES)).and(col(CSAT_AVG).isNotNull());
    Column under = filter(col(PlanTable.CX_CSAT_BELOW), t -> col(CSAT_AVG).lt(t.getField("threshold")));
    Column lowest = aggregate(under, element_at(under, 1),
        (best, t) -> when(t.getField("threshold").lt(best.getField("threshold")), t).otherwise(best));
    return when(enough, coalesce(lowest.getField("multiplier"), one())).otherwise(one());
  }

  /** The highest complaint-rate-above threshold exceeded; else 1. */
  private static Column complaintMultiplier() {
    Column over = filter(col(PlanTable.CX_COMPLAINT_RATE_ABOVE), t -> col(COMPLAINT_RATE).gt(t.getField("threshold")));
    Column highest = aggregate(over, element_at(over, 1),
        (best, t) -> when(t.getField("threshold").gt(best.getField("threshold")), t).otherwise(best));
    return when(col(COMPLAINT_RATE).isNotNull(), coalesce(highest.getField("multiplier"), one())).otherwise(one());
  }

  private static Column one() {
    return lit(java.math.BigDecimal.ONE).cast(Money.RATE);
  }
}
