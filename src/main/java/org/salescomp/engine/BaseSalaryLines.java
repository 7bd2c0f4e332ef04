package org.salescomp.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Money;
import org.salescomp.intermediate.RosterMonths;

/**
 * Step 1, {@code base_salary}: one line per roster row and month,
 * {@code round2(base_salary_monthly * active_days / days_in_month)}.
 */
public final class BaseSalaryLines {
  private BaseSalaryLines() {}

  /**
   * @param rosterMonths {@link RosterMonths}
   * @param repMonthPlans {@link RepMonthPlans}: the scenario and plan each line is stamped with
   */
  public static Dataset<Row> build(Dataset<Row> rosterMonths, Dataset<Row> repMonthPlans) {
    Dataset<Row> plans = repMonthPlans.select(PayLines.SCENARIO, PayLines.REP_ID, PayLines.MONTH,
        PlanTable.PLAN_ID, PlanTable.PLAN_HASH);
    // base * days fits DECIMAL(20,2) exactly; dividing by at most 31 days cannot land within
    // Spark's 13th decimal of a half cent, so round2 of the quotient is exact
    var prorated = col(RosterMonths.BASE_SALARY_MONTHLY).multiply(col(RosterMonths.ACTIVE_DAYS))
        .cast(Money.MONEY_SUM).divide(col(RosterMonths.DAYS_IN_MONTH));
    return rosterMonths
        .drop(RosterMonths.PLAN_ID)
        .join(plans, new String[] {RosterMonths.REP_ID, RosterMonths.MONTH})
        .withColumn(PayLines.LINE_TYPE, lit(PayLines.BASE_SALARY))
        .withColumn(PayLines.DEAL_ID, lit(null).cast("string"))
        .withColumn(PayLines.CREDITED_AMOUNT, lit(null).cast(Money.MONEY))
        .withColumn(PayLines.TIER, lit(null).cast("int"))
        .withColumn(PayLines.RATE, lit(null).cast(Money.RATE))
        .withColumn(PayLines.MULTIPLIER, lit(null).cast(Money.RATE))
        .withColumn(PayLines.AMOUNT, Money.round2(prorated))
        .withColumn(PayLines.EXPLANATION_KEY, lit(Explanations.key(PayLines.BASE_SALARY)))
        .withColumn(PayLines.EXPLANATION_ARGS, Explanations.args(
            "base", col(RosterMonths.BASE_SALARY_MONTHLY),
            "active_days", col(RosterMonths.ACTIVE_DAYS),
            "days_in_month", col(RosterMonths.DAYS_IN_MONTH)))
        .transform(PayLines::conform);
  }
}
