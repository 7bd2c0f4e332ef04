package org.salescomp.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Money;
import org.salescomp.domain.AttainmentPeriod;
import org.salescomp.domain.TierMode;

/**
 * Step 2's {@code commission_true_up}: retroactive tiers over a quarter or a year pay each deal in its close
 * month at the band of the period-to-date attainment; in the period's last month one line per rep and period
 * pays the difference between the period's deals re-priced at the band of the final attainment (rounded per
 * deal, the gate applied to the final attainment) and what their commission lines paid. Deal lines keep
 * their amounts, so a later clawback takes back what the deal's own line paid. The line is written only
 * where the rep has a month of pay in the period's last month (a run that ends mid-period makes none yet),
 * and only when it is not zero.
 */
public final class CommissionTrueUpLines {
  private CommissionTrueUpLines() {}

  /** Rules whose deals are trued up: retroactive tiers over a period longer than a month. */
  static Column truesUp() {
    return col(PlanTable.TIER_MODE).equalTo(lit(TierMode.RETROACTIVE.configName()))
        .and(col(PlanTable.ATTAINMENT_PERIOD).notEqual(lit(AttainmentPeriod.MONTH.configName())));
  }

  /** Whether some plan of the table trues up (the plan table is small: a look at it decides). */
  public static boolean anyIn(Dataset<Row> planTable) {
    return !planTable.where(truesUp()).isEmpty();
  }

  /**
   * @param repriced {@link DealCommissionLines#repricedPeriods}
   * @param payMonthPlans the rep-months and idle months with their plans: the last month's plan names the line
   */
  public static Dataset<Row> build(Dataset<Row> repriced, Dataset<Row> payMonthPlans) {
    Column period = col(PlanTable.ATTAINMENT_PERIOD);
    Column belowGate = col(DealCommissionLines.FINAL_ATTAINMENT).lt(col(PlanTable.GATE_MIN_ATTAINMENT));
    Dataset<Row> lastMonths = repriced
        .withColumn(PayLines.MONTH, AttainmentPeriods.lastMonth(period, col(DealCommissionLines.PERIOD_START)))
        .join(payMonthPlans.select(PayLines.SCENARIO, PayLines.REP_ID, PayLines.MONTH, PlanTable.PLAN_ID,
            PlanTable.PLAN_HASH), new String[] {PayLines.SCENARIO, PayLines.REP_ID, PayLines.MONTH});
    Column amount = col(DealCommissionLines.REPRICED).minus(col(DealCommissionLines.PAID));
    Column key = concat(Explanations.key(PayLines.COMMISSION_TRUE_UP, period),
        when(belowGate, lit(".below_gate")).otherwise(lit("")));
    return LineBuilder.monthLines(lastMonths, PayLines.COMMISSION_TRUE_UP, amount, key, Explanations.args(
        "period_start", col(DealCommissionLines.PERIOD_START),
        "deals", col(DealCommissionLines.DEALS),
        "credited", col(DealCommissionLines.PERIOD_CREDITED),
        "attainment", col(DealCommissionLines.FINAL_ATTAINMENT).cast(Money.RATE),
        "tier", col(DealCommissionLines.FINAL_TIER),
        "rate", col(DealCommissionLines.FINAL_RATE),
        "gate", col(PlanTable.GATE_MIN_ATTAINMENT),
        "repriced", col(DealCommissionLines.REPRICED),
        "paid", col(DealCommissionLines.PAID),
        "amount", amount));
  }
}
