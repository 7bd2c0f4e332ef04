package org.salescomp.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Money;
import org.salescomp.intermediate.CreditedDeals;

/**
 * Step 10, {@code spiff}: per credited deal closed within a SPIFF's dates (inclusive) of the plan in force
 * in the close month, matching its product category (and channel, when set), whatever its later status:
 * {@code round2(amount-per-deal * credit_pct)}, paid in the close month. Never clawed back.
 */
public final class SpiffLines {
  private SpiffLines() {}

  /**
   * @param creditedDeals {@link CreditedDeals}
   * @param repMonthPlans {@link RepMonthPlans}
   */
  public static Dataset<Row> build(Dataset<Row> creditedDeals, Dataset<Row> repMonthPlans) {
    Dataset<Row> plans = repMonthPlans
        .where(org.apache.spark.sql.functions.size(col(PlanTable.SPIFFS)).gt(0))
        .select(col(PayLines.SCENARIO), col(PayLines.REP_ID), col(PayLines.MONTH), col(PlanTable.PLAN_ID),
            col(PlanTable.PLAN_HASH), explode(col(PlanTable.SPIFFS)).as("spiff"));
    Column matches = col(CreditedDeals.CLOSE_DATE).between(col("spiff.from"), col("spiff.to"))
        .and(col(CreditedDeals.PRODUCT_CATEGORY).equalTo(col("spiff.product_category")))
        .and(col("spiff.channel").isNull().or(col(CreditedDeals.CHANNEL).equalTo(col("spiff.channel"))));
    return creditedDeals
        .select(CreditedDeals.REP_ID, CreditedDeals.MONTH, CreditedDeals.DEAL_ID, CreditedDeals.CLOSE_DATE,
            CreditedDeals.PRODUCT_CATEGORY, CreditedDeals.CHANNEL, CreditedDeals.CREDIT_PCT,
            CreditedDeals.CREDITED_AMOUNT)
        .join(plans, new String[] {PayLines.REP_ID, PayLines.MONTH})
        .where(matches)
        .withColumn(PayLines.AMOUNT,
            Money.round2(col("spiff.amount_per_deal").multiply(col(CreditedDeals.CREDIT_PCT))).cast(Money.MONEY))
        .where(col(PayLines.AMOUNT).notEqual(lit(0)))
        .withColumn(PayLines.LINE_TYPE, lit(PayLines.SPIFF))
        .withColumn(PayLines.TIER, lit(null).cast("int"))
        .withColumn(PayLines.RATE, lit(null).cast(Money.RATE))
        .withColumn(PayLines.MULTIPLIER, col(CreditedDeals.CREDIT_PCT).cast(Money.RATE))
        .withColumn(PayLines.EXPLANATION_KEY, lit(Explanations.key(PayLines.SPIFF)))
        .withColumn(PayLines.EXPLANATION_ARGS, Explanations.args(
            "name", col("spiff.name"),
            "per_deal", col("spiff.amount_per_deal"),
            "product", col(CreditedDeals.PRODUCT_CATEGORY),
            "credit", when(col(CreditedDeals.CREDIT_PCT).notEqual(lit(1)), col(CreditedDeals.CREDIT_PCT)),
            "deal", col(PayLines.DEAL_ID),
            "close_date", col(CreditedDeals.CLOSE_DATE)))
        .transform(PayLines::conform);
  }
}
