package org.salescomp.intermediate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Money;
import org.salescomp.common.Periods;
import org.salescomp.staging.FxDailyRates;
import org.salescomp.staging.StagedDeals;

/**
 * One row per deal and credited rep: the credited amount in the reporting currency,
 * {@code round2(amount * fx_rate * credit_pct)} (compensation model, "Arithmetic"), the deal's primary
 * rep (largest credit, then smallest rep_id), whether it is split, and the team of the rep's roster
 * row on the close date. A deal without credit rows is credited 100% to its owner.
 */
public final class CreditedDeals {
  public static final String DEAL_ID = StagedDeals.DEAL_ID;
  public static final String REP_ID = "rep_id";
  public static final String CREDIT_PCT = "credit_pct";
  public static final String CUSTOMER_ID = StagedDeals.CUSTOMER_ID;
  public static final String PRODUCT_CATEGORY = StagedDeals.PRODUCT_CATEGORY;
  public static final String CHANNEL = StagedDeals.CHANNEL;
  public static final String CLOSE_DATE = StagedDeals.CLOSE_DATE;
  public static final String MONTH = "month";
  public static final String STATUS = StagedDeals.STATUS;
  public static final String STATUS_DATE = StagedDeals.STATUS_DATE;
  public static final String FX_RATE = FxDailyRates.FX_RATE;
  public static final String CREDITED_AMOUNT = "credited_amount";
  public static final String CREDITED_REPS = "credited_reps";
  public static final String PRIMARY_REP_ID = "primary_rep_id";
  public static final String TEAM_ID = "team_id";

  private static final String CREDITS = "credits";

  private CreditedDeals() {}

  /**
   * @param deals staged deals ({@link StagedDeals})
   * @param credits deal_credits rows
   * @param fxDaily {@link FxDailyRates}
   * @param roster reps roster rows (rep_id, team_id, valid_from, valid_to)
   */
  public static Dataset<Row> build(Dataset<Row> deals, Dataset<Row> credits, Dataset<Row> fxDaily,
      Dataset<Row> roster, String reportingCurrency) {
    Dataset<Row> creditsPerDeal = credits
        .groupBy(col(DEAL_ID))
        .agg(collect_list(struct(col(REP_ID), col(CREDIT_PCT).cast(Money.RATE).as(CREDIT_PCT))).as(CREDITS));
    Column ownerTakesAll = array(struct(
        col(StagedDeals.OWNER_REP_ID).as(REP_ID), lit(BigDecimal.ONE).cast(Money.RATE).as(CREDIT_PCT)));
    Column largestCreditFirst = array_sort(transform(col(CREDITS),
        c -> struct(c.getField(CREDIT_PCT).multiply(-1).as("neg_credit"), c.getField(REP_ID).as(REP_ID))));

    Dataset<Row> withFx = deals
        .join(creditsPerDeal, DEAL_ID, "left")
        .withColumn(CREDITS, coalesce(col(CREDITS), ownerTakesAll))
        .withColumn(CREDITED_REPS, size(col(CREDITS)))
        .withColumn(PRIMARY_REP_ID, element_at(largestCreditFirst, 1).getField(REP_ID))
        .join(broadcast(fxDaily.select(col(FxDailyRates.CURRENCY).as("fx_currency"),
                col(FxDailyRates.DAY).as("fx_day"), col(FxDailyRates.FX_RATE))),
            col(StagedDeals.CURRENCY).equalTo(col("fx_currency")).and(col(CLOSE_DATE).equalTo(col("fx_day"))), "left")
        .withColumn(FX_RATE, when(col(StagedDeals.CURRENCY).equalTo(lit(reportingCurrency)),
            lit(BigDecimal.ONE).cast(Money.RATE)).otherwise(col(FX_RATE)));

    Column amountInReporting = col(StagedDeals.AMOUNT).multiply(col(FX_RATE)).cast(Money.MONEY_8);
    Dataset<Row> credited = withFx
        .withColumn("credit", explode(col(CREDITS)))
        .withColumn(REP_ID, col("credit").getField(REP_ID))
        .withColumn(CREDIT_PCT, col("credit").getField(CREDIT_PCT))
        .withColumn(CREDITED_AMOUNT, Money.round2(amountInReporting.multiply(col(CREDIT_PCT))))
        .withColumn(MONTH, Periods.monthOf(col(CLOSE_DATE)));

    Dataset<Row> rosterTeams = roster.select(
        col(REP_ID).as("r_rep_id"), col(TEAM_ID), col("valid_from").as("r_from"), col("valid_to").as("r_to"));
    Column rowHoldsOnCloseDate = col(REP_ID).equalTo(col("r_rep_id"))
        .and(col("r_from").leq(col(CLOSE_DATE)))
        .and(col("r_to").isNull().or(col(CLOSE_DATE).lt(col("r_to"))));
    return credited
        .join(broadcast(rosterTeams), rowHoldsOnCloseDate, "left")
        .select(DEAL_ID, REP_ID, CREDIT_PCT, CUSTOMER_ID, PRODUCT_CATEGORY, CHANNEL, CLOSE_DATE, MONTH,
            STATUS, STATUS_DATE, FX_RATE, CREDITED_AMOUNT, CREDITED_REPS, PRIMARY_REP_ID, TEAM_ID);
  }
}
