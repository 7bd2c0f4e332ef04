package org.salescomp.engine;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.salescomp.common.MessageTemplate;
import org.salescomp.common.Money;
import org.salescomp.domain.AttainmentPeriod;
import org.salescomp.intermediate.CreditedDeals;
import org.salescomp.intermediate.PeriodQuotas;
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
 * A plan whose {@code attainment-period} is a quarter or a year reads all of this over the period to date
 * ({@link AttainmentPeriods}): Q is the period's quota, the deals are ordered across the period, and the
 * attainment is the period's revenue to the month's end; retroactive tiers are trued up at the period's end
 * ({@link #repricedPeriods}, {@link CommissionTrueUpLines}).
 * Tiers are arrays on the plan row; the bands are multiplied out once per rep-month and plan and
 * evaluated on each deal row as one expression per tier: no explode and regroup.
 */
public final class DealCommissionLines {
  public static final String MONTH_REVENUE = "month_revenue";
  public static final String ATTAINMENT = "attainment";
  /** The revenue the attainment of tiers and gate reads: the month's, or the quarter's or year's to date. */
  static final String PERIOD_REVENUE = "period_revenue";
  static final String BEFORE = "revenue_before";
  static final String AFTER = "revenue_after";
  static final String PERIOD_START = "period_start";
  static final String PAID = "paid";
  static final String REPRICED = "repriced";
  static final String DEALS = "deals";
  static final String FINAL_ATTAINMENT = "final_attainment";
  static final String FINAL_TIER = "final_tier";
  static final String FINAL_RATE = "final_rate";
  static final String PERIOD_CREDITED = "period_credited";
  /** The quota tiers and the gate use: the quota of the plan's period, ramped in a new hire's first months. */
  static final String PLAN_QUOTA = "plan_quota";
  /** Tiers as money for the rep-month's quota: idx, low = from x Q, high = to x Q (null for the last), rate. */
  static final String BANDS = "bands";

  private DealCommissionLines() {}

  /**
   * @param creditedDeals {@link CreditedDeals}
   * @param repMonthPlans {@link RepMonthPlans}
   * @param quotas {@link RepQuotas#monthly}
   */
  public static Dataset<Row> build(Dataset<Row> creditedDeals, Dataset<Row> repMonthPlans, Dataset<Row> quotas) {
    return build(creditedDeals, repMonthPlans, quotas, noPeriodQuotas(quotas));
  }

  /** @param periodQuotas {@link PeriodQuotas#reps}: the quotas of quarters and years (other rows are ignored) */
  public static Dataset<Row> build(Dataset<Row> creditedDeals, Dataset<Row> repMonthPlans, Dataset<Row> quotas,
      Dataset<Row> periodQuotas) {
    return priced(positioned(creditedDeals, quotas, AttainmentPeriods.longerPeriods(repMonthPlans)), repMonthPlans,
        quotas, periodQuotas);
  }

  /** No quota of a quarter or year, in the columns of {@link PeriodQuotas#reps}. */
  static Dataset<Row> noPeriodQuotas(Dataset<Row> like) {
    return like.sparkSession().createDataFrame(List.of(), new StructType()
        .add(PeriodQuotas.REP_ID, DataTypes.StringType).add(PeriodQuotas.PERIOD_TYPE, DataTypes.StringType)
        .add(PeriodQuotas.PERIOD_START, DataTypes.DateType).add(PeriodQuotas.QUOTA, Money.MONEY));
  }

  /**
   * Each credited deal with its place in its rep-month: the revenue before it, the month's revenue,
   * the quota and the attainment. The same in every scenario, so computed before the deals meet the
   * scenarios' plans.
   */
  public static Dataset<Row> positioned(Dataset<Row> creditedDeals, Dataset<Row> quotas) {
    return positioned(creditedDeals, quotas, List.of());
  }

  /**
   * {@link #positioned(Dataset, Dataset)}, and the deal's place in each of {@code longerPeriods} (quarter,
   * year: {@link AttainmentPeriods#longerPeriods} of the plans).
   */
  public static Dataset<Row> positioned(Dataset<Row> creditedDeals, Dataset<Row> quotas, List<String> longerPeriods) {
    return AttainmentPeriods.withPositions(monthPositions(creditedDeals, quotas), longerPeriods);
  }

  private static Dataset<Row> monthPositions(Dataset<Row> creditedDeals, Dataset<Row> quotas) {
    WindowSpec repMonth = Window.partitionBy(PayLines.REP_ID, PayLines.MONTH);
    WindowSpec inOrder = repMonth.orderBy(CreditedDeals.CLOSE_DATE, CreditedDeals.DEAL_ID);
    Column credit = col(CreditedDeals.CREDITED_AMOUNT);
    Column quota = col(RepQuotas.QUOTA);
    return creditedDeals
        .withColumn(BEFORE, coalesce(sum(credit).over(inOrder.rowsBetween(Window.unboundedPreceding(), -1)),
            Money.zero()).cast(Money.MONEY_8))
        .withColumn(AFTER, col(BEFORE).plus(credit).cast(Money.MONEY_8))
        .withColumn(MONTH_REVENUE, sum(credit).over(repMonth).cast(Money.MONEY_SUM))
        .join(quotas, new String[] {CreditedDeals.REP_ID, CreditedDeals.MONTH}, "left")
        .withColumn(ATTAINMENT, when(quota.gt(0), col(MONTH_REVENUE).divide(quota).cast(Money.RATIO)));
  }

  /** The commission line of every {@link #positioned} deal under each scenario's plan for its rep-month. */
  public static Dataset<Row> priced(Dataset<Row> positioned, Dataset<Row> repMonthPlans, Dataset<Row> quotas,
      Dataset<Row> periodQuotas) {
    Column marginal = col(PlanTable.TIER_MODE).equalTo(lit("marginal"));
    Column tierIdx = when(marginal, highestTierReached().getField("idx"))
        .otherwise(finalAttainmentTier().getField("idx"));
    Column tierRate = when(marginal, highestTierReached().getField("rate"))
        .otherwise(finalAttainmentTier().getField("rate"));
    return placed(positioned
        .join(banded(repMonthPlans, quotas, periodQuotas), new String[] {CreditedDeals.REP_ID, CreditedDeals.MONTH}))
        .withColumn(ATTAINMENT, planAttainment())
        .withColumn(PayLines.LINE_TYPE, lit(PayLines.COMMISSION))
        .withColumn(PayLines.TIER, when(col(ATTAINMENT).isNotNull(), tierIdx))
        .withColumn(PayLines.RATE, when(col(ATTAINMENT).isNotNull(), tierRate))
        .withColumn(PayLines.MULTIPLIER, multiplier().cast(Money.RATE))
        .withColumn(PayLines.AMOUNT, amount(maxTiers(repMonthPlans)))
        .withColumn(PayLines.EXPLANATION_KEY, explanationKey(marginal))
        .withColumn(PayLines.EXPLANATION_ARGS, explanationArgs())
        .transform(PayLines::conform);
  }

  /**
   * The commission of every scenario and rep-month, one {@code commission} line each that sums the
   * month's deal lines (no deal, tier or explanation): what {@link #priced} lines add up to, for a
   * simulation that needs payouts, not lines. No per-deal row per scenario is ever kept.
   */
  public static Dataset<Row> monthTotals(Dataset<Row> positioned, Dataset<Row> repMonthPlans, Dataset<Row> planTable,
      Dataset<Row> quotas, Dataset<Row> periodQuotas) {
    Dataset<Row> sums = amountsPerRules(positioned, repMonthPlans, planTable, quotas, periodQuotas)
        .groupBy(PayLines.REP_ID, PayLines.MONTH, PlanTable.COMMISSION_HASH)
        .agg(Money.sum(col(PayLines.AMOUNT)).as(PayLines.AMOUNT),
            Money.sum(col(CreditedDeals.CREDITED_AMOUNT)).as(PayLines.CREDITED_AMOUNT));
    return toScenarios(sums, repMonthPlans);
  }

  /**
   * The deal lines of every scenario with their amounts only (no tier, rate, multiplier or explanation):
   * what {@link ClawbackLines} reads of a line.
   */
  public static Dataset<Row> amountLines(Dataset<Row> positioned, Dataset<Row> repMonthPlans, Dataset<Row> planTable,
      Dataset<Row> quotas, Dataset<Row> periodQuotas) {
    return toScenarios(amountsPerRules(positioned, repMonthPlans, planTable, quotas, periodQuotas), repMonthPlans);
  }

  /**
   * Each deal's amount once per distinct {@link PlanTable#COMMISSION_HASH} of its rep-month, not once per
   * scenario: scenarios that change other rules, or other roles' plans, share the deal's price.
   * Columns: rep_id, month, commission_hash, deal_id, credited_amount, amount.
   */
  private static Dataset<Row> amountsPerRules(Dataset<Row> positioned, Dataset<Row> repMonthPlans,
      Dataset<Row> planTable, Dataset<Row> quotas, Dataset<Row> periodQuotas) {
    return placedPerRules(positioned, repMonthPlans, planTable.select(ruleParameters()), quotas, periodQuotas)
        .select(col(PayLines.REP_ID), col(PayLines.MONTH), col(PlanTable.COMMISSION_HASH), col(PayLines.DEAL_ID),
            col(CreditedDeals.CREDITED_AMOUNT), amount(maxTiers(planTable)).as(PayLines.AMOUNT));
  }

  /** The plan table's columns a deal's commission depends on. */
  private static Column[] ruleParameters() {
    return new Column[] {col(PlanTable.COMMISSION_HASH), col(PlanTable.TIER_MODE), col(PlanTable.TIERS),
        col(PlanTable.PRODUCT_MULTIPLIERS), col(PlanTable.CHANNEL_MULTIPLIERS), col(PlanTable.GATE_MIN_ATTAINMENT),
        col(PlanTable.NEW_HIRE_MONTHS), col(PlanTable.NEW_HIRE_RATE_MULTIPLIER), col(PlanTable.QUOTA_RAMP),
        col(PlanTable.ATTAINMENT_PERIOD)};
  }

  /**
   * The positioned deals of the rep-months whose rules are among {@code parameters} (rows of the plan table,
   * {@link #ruleParameters}), once per distinct {@link PlanTable#COMMISSION_HASH}, placed in their plan's
   * period, with their {@value #ATTAINMENT}.
   */
  private static Dataset<Row> placedPerRules(Dataset<Row> positioned, Dataset<Row> repMonthPlans,
      Dataset<Row> parameters, Dataset<Row> quotas, Dataset<Row> periodQuotas) {
    // the rules' parameters come from the small plan table, so the distinct rep-month rules are found on
    // plain key columns (a hash aggregation, where maps and arrays would need a sort)
    Dataset<Row> rules = repMonthPlans
        .select(PayLines.REP_ID, PayLines.MONTH, RepMonths.MONTH_INDEX, PlanTable.COMMISSION_HASH)
        .distinct()
        .join(broadcast(parameters.dropDuplicates(PlanTable.COMMISSION_HASH)), PlanTable.COMMISSION_HASH);
    return placed(positioned.join(banded(rules, quotas, periodQuotas), new String[] {PayLines.REP_ID, PayLines.MONTH}))
        .withColumn(ATTAINMENT, planAttainment());
  }

  /** A deal row joined with its plan, placed in the plan's attainment period ({@link AttainmentPeriods}). */
  private static Dataset<Row> placed(Dataset<Row> rows) {
    return AttainmentPeriods.placed(rows, BEFORE, AFTER, PERIOD_REVENUE, MONTH_REVENUE);
  }

  /**
   * The deals whose rules true up ({@link CommissionTrueUpLines#truesUp}: retroactive tiers over a quarter or a
   * year), summed per scenario, rep and period: {@value #PAID}, what their lines pay, and {@value #REPRICED},
   * each deal re-priced as its line with the period's final attainment (its whole revenue against the quota
   * the deal's month used), rounded per deal. Also the deals, their credited amounts, and the final attainment,
   * tier, rate and gate of the period's latest month with deals.
   * Columns: scenario, rep_id, attainment_period, period_start, deals, period_credited, paid, repriced,
   * final_attainment, final_tier, final_rate, gate_min_attainment.
   */
  static Dataset<Row> repricedPeriods(Dataset<Row> positioned, Dataset<Row> repMonthPlans, Dataset<Row> planTable,
      Dataset<Row> quotas, Dataset<Row> periodQuotas) {
    Dataset<Row> parameters = planTable.where(CommissionTrueUpLines.truesUp()).select(ruleParameters());
    int tiers = maxTiers(parameters);
    Dataset<Row> deals = placedPerRules(positioned, repMonthPlans, parameters, quotas, periodQuotas);
    Column finalAttainment = when(col(PLAN_QUOTA).gt(0),
        AttainmentPeriods.periodTotal(deals, MONTH_REVENUE).divide(col(PLAN_QUOTA)).cast(Money.RATIO));
    Dataset<Row> perRules = deals
        .withColumn(PERIOD_START, AttainmentPeriods.start(col(PlanTable.ATTAINMENT_PERIOD), col(PayLines.MONTH)))
        .withColumn(PAID, amount(tiers))
        .withColumn(ATTAINMENT, finalAttainment)
        .withColumn(REPRICED, amount(tiers))
        .groupBy(PayLines.REP_ID, PayLines.MONTH, PlanTable.COMMISSION_HASH, PlanTable.ATTAINMENT_PERIOD, PERIOD_START)
        .agg(count(lit(1)).as(DEALS), Money.sum(col(CreditedDeals.CREDITED_AMOUNT)).as(PERIOD_CREDITED),
            Money.sum(col(PAID)).as(PAID), Money.sum(col(REPRICED)).as(REPRICED),
            // one quota and one period revenue per rep-month and rules: the same on every deal row
            max(col(ATTAINMENT)).as(FINAL_ATTAINMENT), max(finalAttainmentTier().getField("idx")).as(FINAL_TIER),
            max(finalAttainmentTier().getField("rate")).as(FINAL_RATE),
            max(col(PlanTable.GATE_MIN_ATTAINMENT)).as(PlanTable.GATE_MIN_ATTAINMENT));
    Column latest = col(PayLines.MONTH);
    return repMonthPlans
        .select(PayLines.SCENARIO, PayLines.REP_ID, PayLines.MONTH, PlanTable.COMMISSION_HASH)
        .join(perRules, new String[] {PayLines.REP_ID, PayLines.MONTH, PlanTable.COMMISSION_HASH})
        .groupBy(PayLines.SCENARIO, PayLines.REP_ID, PlanTable.ATTAINMENT_PERIOD, PERIOD_START)
        .agg(sum(col(DEALS)).as(DEALS), Money.sum(col(PERIOD_CREDITED)).as(PERIOD_CREDITED),
            Money.sum(col(PAID)).as(PAID), Money.sum(col(REPRICED)).as(REPRICED),
            max_by(col(FINAL_ATTAINMENT), latest).as(FINAL_ATTAINMENT), max_by(col(FINAL_TIER), latest).as(FINAL_TIER),
            max_by(col(FINAL_RATE), latest).as(FINAL_RATE),
            max_by(col(PlanTable.GATE_MIN_ATTAINMENT), latest).as(PlanTable.GATE_MIN_ATTAINMENT));
  }

  /** Rows priced per commission rules as commission lines of each scenario that uses those rules. */
  private static Dataset<Row> toScenarios(Dataset<Row> perRules, Dataset<Row> repMonthPlans) {
    Dataset<Row> lines = repMonthPlans
        .select(PayLines.SCENARIO, PayLines.REP_ID, PayLines.MONTH, PlanTable.COMMISSION_HASH, PlanTable.PLAN_ID,
            PlanTable.PLAN_HASH)
        .join(perRules, new String[] {PayLines.REP_ID, PayLines.MONTH, PlanTable.COMMISSION_HASH})
        .withColumn(PayLines.LINE_TYPE, lit(PayLines.COMMISSION));
    if (!List.of(lines.columns()).contains(PayLines.DEAL_ID)) {
      lines = lines.withColumn(PayLines.DEAL_ID, lit(null).cast(DataTypes.StringType));
    }
    return lines
        .withColumn(PayLines.TIER, lit(null).cast(DataTypes.IntegerType))
        .withColumn(PayLines.RATE, lit(null).cast(Money.RATE))
        .withColumn(PayLines.MULTIPLIER, lit(null).cast(Money.RATE))
        .withColumn(PayLines.EXPLANATION_KEY, lit(null).cast(DataTypes.StringType))
        .withColumn(PayLines.EXPLANATION_ARGS, lit(null).cast(Explanations.ARGS_TYPE))
        .transform(PayLines::conform);
  }

  /**
   * The plan rows with their {@value #BANDS}: the bands are the same for every deal of a rep-month, so
   * they are multiplied out once per rep-month and plan, not once per deal.
   */
  private static Dataset<Row> banded(Dataset<Row> plans, Dataset<Row> quotas, Dataset<Row> periodQuotas) {
    Column quota = col(PLAN_QUOTA);
    // the quota of the plan's period: the month's own, or the quarter's or year's the month is in
    Dataset<Row> periodQuota = quotas.select(col(RepQuotas.REP_ID).as("band_rep_id"),
            lit(AttainmentPeriods.MONTH).as("band_period"), col(RepQuotas.MONTH).as("band_start"),
            col(RepQuotas.QUOTA).cast(Money.MONEY).as("band_quota"))
        .unionByName(periodQuotas
            .where(col(PeriodQuotas.PERIOD_TYPE).isin(AttainmentPeriod.QUARTER.configName(),
                AttainmentPeriod.YEAR.configName()))
            .select(col(PeriodQuotas.REP_ID).as("band_rep_id"), col(PeriodQuotas.PERIOD_TYPE).as("band_period"),
                col(PeriodQuotas.PERIOD_START).as("band_start"), col(PeriodQuotas.QUOTA).cast(Money.MONEY).as("band_quota")));
    Column period = col(PlanTable.ATTAINMENT_PERIOD);
    Column index = col(RepMonths.MONTH_INDEX);
    Column ramp = col(PlanTable.QUOTA_RAMP);
    Column ramped = when(index.geq(0).and(index.lt(size(ramp))),
        Money.round2(col("band_quota").multiply(try_element_at(ramp, index.plus(1)))))
        .otherwise(col("band_quota"));
    return plans
        .join(periodQuota, col(PayLines.REP_ID).equalTo(col("band_rep_id"))
            .and(period.equalTo(col("band_period")))
            .and(AttainmentPeriods.start(period, col(PayLines.MONTH)).equalTo(col("band_start"))), "left")
        .withColumn(PLAN_QUOTA, ramped.cast(Money.MONEY))
        .withColumn(BANDS, transform(col(PlanTable.TIERS), t -> struct(t.getField("idx").as("idx"),
            t.getField("from").multiply(quota).cast(Money.MONEY_8).as("low"),
            t.getField("to").multiply(quota).cast(Money.MONEY_8).as("high"),
            t.getField("rate").as("rate"))))
        .drop("band_rep_id", "band_period", "band_start", "band_quota");
  }

  /**
   * The revenue of the plan's period to the month's end against the quota tiers and the gate use
   * ({@value #PLAN_QUOTA}); null without one.
   */
  private static Column planAttainment() {
    return when(col(PLAN_QUOTA).gt(0), col(PERIOD_REVENUE).divide(col(PLAN_QUOTA)).cast(Money.RATIO));
  }

  /**
   * round2(raw * multipliers); 0 without a quota or below the gate. The bands are unrolled into plain
   * expressions, one per tier up to the plans' largest tier count: Spark compiles those, while a
   * higher-order function over the array is interpreted and re-reads the deal's decimals for every band.
   */
  private static Column amount(int tiers) {
    Column marginal = col(PlanTable.TIER_MODE).equalTo(lit("marginal"));
    Column raw = when(marginal, marginalRaw(tiers)).otherwise(retroactiveRaw(tiers));
    return when(col(ATTAINMENT).isNull(), Money.zero())
        .when(col(ATTAINMENT).lt(col(PlanTable.GATE_MIN_ATTAINMENT)), Money.zero())
        .otherwise(Money.round2(raw.multiply(multiplier())));
  }

  /** The most tiers any plan row has: plans are configuration, so a handful. */
  private static int maxTiers(Dataset<Row> repMonthPlans) {
    Row most = repMonthPlans.agg(max(size(col(PlanTable.TIERS)))).first();
    return most.isNullAt(0) ? 0 : most.getInt(0);
  }

  private static Column multiplier() {
    return productMultiplier().multiply(channelMultiplier()).multiply(newHireMultiplier()).cast(Money.MULTIPLIER_18);
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

  /** The part of the deal's revenue interval [before, after) inside band b, never negative. */
  private static Column overlap(Column b) {
    Column after = col(AFTER);
    Column high = coalesce(b.getField("high"), after);
    return greatest(least(after, high).minus(greatest(col(BEFORE), b.getField("low"))), lit(0)).cast(Money.MONEY_8);
  }

  /** The sum over the bands of overlap x rate; a plan with fewer tiers has null bands, which add 0. */
  private static Column marginalRaw(int tiers) {
    Column raw = lit(0).cast(Money.RAW_14);
    for (int k = 1; k <= tiers; k++) {
      Column band = try_element_at(col(BANDS), lit(k));
      raw = raw.plus(coalesce(overlap(band).multiply(band.getField("rate")), lit(0))).cast(Money.RAW_14);
    }
    return raw;
  }

  private static Column finalAttainmentTier() {
    return element_at(filter(col(PlanTable.TIERS), t -> t.getField("from").leq(col(ATTAINMENT))), -1);
  }

  /** The deal's credit at the rate of the last tier whose from the final attainment reaches. */
  private static Column retroactiveRaw(int tiers) {
    Column rate = lit(null).cast(Money.RATE);
    for (int k = 1; k <= tiers; k++) {
      Column tier = try_element_at(col(PlanTable.TIERS), lit(k));
      rate = when(tier.getField("from").leq(col(ATTAINMENT)), tier.getField("rate")).otherwise(rate);
    }
    return col(CreditedDeals.CREDITED_AMOUNT).multiply(rate).cast(Money.RAW_14);
  }

  /** The highest tier the deal's interval reaches (its last band with a positive overlap). */
  private static Column highestTierReached() {
    return element_at(filter(col(BANDS), b -> overlap(b).gt(0)), -1);
  }

  private static Column explanationKey(Column marginal) {
    return when(col(ATTAINMENT).isNull(), lit(Explanations.key(PayLines.COMMISSION, "held")))
        .when(col(ATTAINMENT).lt(col(PlanTable.GATE_MIN_ATTAINMENT)), lit(Explanations.key(PayLines.COMMISSION, "below_gate")))
        .when(marginal, lit(Explanations.key(PayLines.COMMISSION, "marginal")))
        .otherwise(lit(Explanations.key(PayLines.COMMISSION, "retroactive")));
  }

  /**
   * deal, product, channel; the multipliers that differ from 1 (product_x, channel_x, new_hire_x);
   * marginal: bands, the deal's part in each tier it reaches as {@code overlap|tier|rate;...};
   * retroactive: credited, rate, tier, attainment; amount. Held and below-gate lines keep them too.
   */
  private static Column explanationArgs() {
    Column bands = array_join(transform(filter(col(BANDS), t -> overlap(t).gt(0)),
        t -> concat_ws(MessageTemplate.FIELD_SEPARATOR, overlap(t).cast(Money.MONEY).cast("string"),
            t.getField("idx").cast("string"), t.getField("rate").cast("string"))), MessageTemplate.ENTRY_SEPARATOR);
    return Explanations.args(
        "deal", col(CreditedDeals.DEAL_ID),
        "product", col(CreditedDeals.PRODUCT_CATEGORY),
        "product_x", unlessOne(productMultiplier()),
        "channel", col(CreditedDeals.CHANNEL),
        "channel_x", unlessOne(channelMultiplier()),
        "new_hire_x", unlessOne(newHireMultiplier()),
        "bands", bands,
        "credited", col(CreditedDeals.CREDITED_AMOUNT),
        "rate", finalAttainmentTier().getField("rate"),
        "tier", finalAttainmentTier().getField("idx"),
        "attainment", col(ATTAINMENT).cast(Money.RATE),
        "amount", col(PayLines.AMOUNT));
  }

  /** A multiplier that changes the amount, else null (the explanation leaves it out). */
  private static Column unlessOne(Column multiplier) {
    return when(multiplier.notEqual(lit(1)), multiplier);
  }


}
