package org.salescomp.engine;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.salescomp.common.Money;
import org.salescomp.intermediate.CreditedDeals;
import org.salescomp.intermediate.RepMonths;
import org.salescomp.intermediate.RepQuotas;

/**
 * Step 2, {@code commission}: one line per credited deal, for every scenario. With quota Q and the
 * rep-month's deals in (close_date, deal_id) order, deal i covers revenue [before_i, before_i + credit_i)
 * and tier k covers [from_k * Q, from_(k+1) * Q).
 * <ul>
 *   <li>marginal: raw_i = sum over k of overlap(deal, tier k) * rate_k;
 *   <li>retroactive: raw_i = credit_i * rate of the tier of the month's final attainment;
 *   <li>commission_i = round2(raw_i * product * channel * new-hire multipliers);
 *   <li>no quota (missing or zero): amount 0, {@code held: no revenue quota};
 *   <li>final attainment below the gate: amount 0, {@code below gate} (at the gate passes).
 * </ul>
 * Tiers are arrays on the plan row, so the bands are evaluated with higher-order functions on each
 * deal row: no explode and regroup.
 */
public final class DealCommissionLines {
  public static final String MONTH_REVENUE = "month_revenue";
  public static final String ATTAINMENT = "attainment";
  static final String BEFORE = "revenue_before";

  private DealCommissionLines() {}

  /**
   * @param creditedDeals {@link CreditedDeals}
   * @param repMonthPlans {@link RepMonthPlans}
   * @param quotas {@link RepQuotas#monthly}
   */
  public static Dataset<Row> build(Dataset<Row> creditedDeals, Dataset<Row> repMonthPlans, Dataset<Row> quotas) {
    WindowSpec repMonth = Window.partitionBy(PayLines.REP_ID, PayLines.MONTH);
    WindowSpec inOrder = repMonth.orderBy(CreditedDeals.CLOSE_DATE, CreditedDeals.DEAL_ID);
    Column credit = col(CreditedDeals.CREDITED_AMOUNT);
    Column quota = col(RepQuotas.QUOTA);

    // a deal's place in its rep-month and the attainment are the same in every scenario: computed once,
    // before the deals fan out to the scenarios' plans
    Dataset<Row> positioned = creditedDeals
        .withColumn(BEFORE, coalesce(sum(credit).over(inOrder.rowsBetween(Window.unboundedPreceding(), -1)),
            Money.zero()).cast(Money.MONEY_SUM))
        .withColumn(MONTH_REVENUE, sum(credit).over(repMonth).cast(Money.MONEY_SUM))
        .join(quotas, new String[] {CreditedDeals.REP_ID, CreditedDeals.MONTH}, "left")
        .withColumn(ATTAINMENT, when(quota.gt(0), col(MONTH_REVENUE).divide(quota).cast(Money.RATIO)))
        .join(repMonthPlans, new String[] {CreditedDeals.REP_ID, CreditedDeals.MONTH});

    Column multiplier = productMultiplier().multiply(channelMultiplier()).multiply(newHireMultiplier())
        .cast(Money.MULTIPLIER_18);
    Column marginal = col(PlanTable.TIER_MODE).equalTo(lit("marginal"));
    Column raw = when(marginal, marginalRaw()).otherwise(retroactiveRaw());
    Column amount = when(col(ATTAINMENT).isNull(), Money.zero())
        .when(col(ATTAINMENT).lt(col(PlanTable.GATE_MIN_ATTAINMENT)), Money.zero())
        .otherwise(Money.round2(raw.multiply(multiplier)));
    Column tier = when(marginal, highestTierReached()).otherwise(finalAttainmentTier());

    return positioned
        .withColumn(PayLines.LINE_TYPE, lit(PayLines.COMMISSION))
        .withColumn(PayLines.TIER, when(col(ATTAINMENT).isNotNull(), tier.getField("idx")))
        .withColumn(PayLines.RATE, when(col(ATTAINMENT).isNotNull(), tier.getField("rate")))
        .withColumn(PayLines.MULTIPLIER, multiplier.cast(Money.RATE))
        .withColumn(PayLines.AMOUNT, amount)
        .withColumn(PayLines.EXPLANATION, explanation(marginal))
        .transform(PayLines::conform);
  }

  private static Column productMultiplier() {
    Column map = col(PlanTable.PRODUCT_MULTIPLIERS);
    return coalesce(try_element_at(map, col(CreditedDeals.PRODUCT_CATEGORY)), try_element_at(map, lit("default")));
  }

  private static Column channelMultiplier() {
    Column map = col(PlanTable.CHANNEL_MULTIPLIERS);
    return coalesce(try_element_at(map, col(CreditedDeals.CHANNEL)), try_element_at(map, lit("default")));
  }

  /** The plan's new-hire rate multiplier in month indexes 0 .. new-hire.months - 1, else 1. */
  private static Column newHireMultiplier() {
    Column protectedMonth = col(RepMonths.MONTH_INDEX).geq(0)
        .and(col(RepMonths.MONTH_INDEX).lt(col(PlanTable.NEW_HIRE_MONTHS)));
    return when(protectedMonth, col(PlanTable.NEW_HIRE_RATE_MULTIPLIER)).otherwise(lit(1).cast(Money.RATE));
  }

  private static Column dealStart() {
    return col(BEFORE);
  }

  private static Column dealEnd() {
    return col(BEFORE).plus(col(CreditedDeals.CREDITED_AMOUNT)).cast(Money.MONEY_SUM);
  }

  /** The part of the deal's revenue interval inside tier t's band, never negative. */
  private static Column overlap(Column t) {
    Column quota = col(RepQuotas.QUOTA);
    Column bandLow = t.getField("from").multiply(quota).cast(Money.MONEY_8);
    Column bandHigh = coalesce(t.getField("to").multiply(quota).cast(Money.MONEY_8), dealEnd().cast(Money.MONEY_8));
    return greatest(least(dealEnd(), bandHigh).minus(greatest(dealStart(), bandLow)), lit(0))
        .cast(Money.MONEY_8);
  }

  private static Column marginalRaw() {
    return aggregate(col(PlanTable.TIERS), lit(0).cast(Money.RAW_14),
        (acc, t) -> acc.plus(overlap(t).multiply(t.getField("rate"))).cast(Money.RAW_14));
  }

  private static Column finalAttainmentTier() {
    return element_at(filter(col(PlanTable.TIERS), t -> t.getField("from").leq(col(ATTAINMENT))), -1);
  }

  private static Column retroactiveRaw() {
    return col(CreditedDeals.CREDITED_AMOUNT).multiply(finalAttainmentTier().getField("rate")).cast(Money.RAW_14);
  }

  /** The highest tier the deal's interval reaches (its last band with a positive overlap). */
  private static Column highestTierReached() {
    return element_at(filter(col(PlanTable.TIERS), t -> overlap(t).gt(0)), -1);
  }

  private static Column explanation(Column marginal) {
    Column head = concat(col(CreditedDeals.DEAL_ID), lit(" "), col(CreditedDeals.PRODUCT_CATEGORY),
        multiplierNote(lit(""), productMultiplier()),
        multiplierNote(concat(lit(", "), col(CreditedDeals.CHANNEL)), channelMultiplier()),
        multiplierNote(lit(", new hire"), newHireMultiplier()), lit(": "));
    Column marginalParts = array_join(transform(
        filter(col(PlanTable.TIERS), t -> overlap(t).gt(0)),
        t -> concat(PayLines.money(overlap(t)), lit(" in tier "), t.getField("idx").cast("string"),
            lit(" at "), PayLines.percent(t.getField("rate")))), " + ");
    Column retroPart = concat(PayLines.money(col(CreditedDeals.CREDITED_AMOUNT)), lit(" at "),
        PayLines.percent(finalAttainmentTier().getField("rate")), lit(" (tier "),
        finalAttainmentTier().getField("idx").cast("string"), lit(" of final attainment "),
        PayLines.plain(col(ATTAINMENT).cast(Money.RATE)), lit(")"));
    Column computed = concat(head, when(marginal, marginalParts).otherwise(retroPart), lit(" = "),
        PayLines.money(col(PayLines.AMOUNT)));
    return when(col(ATTAINMENT).isNull(), lit("held: no revenue quota"))
        .when(col(ATTAINMENT).lt(col(PlanTable.GATE_MIN_ATTAINMENT)), lit("below gate"))
        .otherwise(computed);
  }

  /** {@code " ×1.2"} after a label when a multiplier differs from 1, else nothing. */
  private static Column multiplierNote(Column label, Column multiplier) {
    return when(multiplier.equalTo(lit(1)), lit("")).otherwise(concat(label, lit(" ×"), PayLines.plain(multiplier)));
  }

}
