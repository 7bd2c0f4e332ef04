package org.salescomp.marts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Money;
import org.salescomp.intermediate.CreditedDeals;
import org.salescomp.intermediate.RepMonths;
import org.salescomp.intermediate.RepQuotas;

/**
 * {@code kpi_rep_period}: one row per rep, period_type and period_start. This slice computes months:
 * revenue (credited amounts of every status, by close date), won_deals (deals credited to the rep),
 * quota (the month's revenue target) and attainment (revenue / quota, null without a positive quota).
 */
public final class KpiRepPeriod {
  public static final String REP_ID = "rep_id";
  public static final String PERIOD_TYPE = "period_type";
  public static final String PERIOD_START = "period_start";
  public static final String TEAM_ID = "team_id";
  public static final String REGION = "region";
  public static final String REVENUE = "revenue";
  public static final String WON_DEALS = "won_deals";
  public static final String QUOTA = "quota";
  public static final String ATTAINMENT = "attainment";

  private KpiRepPeriod() {}

  /**
   * @param creditedDeals {@link CreditedDeals}
   * @param repMonths {@link RepMonths}: every rep-month with a roster row gets a row, with or without deals
   * @param quotas {@link RepQuotas#monthly}
   * @param teams the teams source (team_id, region)
   */
  public static Dataset<Row> months(Dataset<Row> creditedDeals, Dataset<Row> repMonths, Dataset<Row> quotas,
      Dataset<Row> teams) {
    Dataset<Row> dealMonths = creditedDeals
        .groupBy(CreditedDeals.REP_ID, CreditedDeals.MONTH)
        .agg(sum(col(CreditedDeals.CREDITED_AMOUNT)).cast(Money.MONEY).as(REVENUE),
            count(lit(1)).cast("int").as(WON_DEALS));
    return repMonths.select(RepMonths.REP_ID, RepMonths.MONTH, RepMonths.TEAM_ID)
        .join(dealMonths, new String[] {REP_ID, RepMonths.MONTH}, "full_outer")
        .join(quotas, new String[] {REP_ID, RepMonths.MONTH}, "left")
        .join(teams.select(TEAM_ID, REGION), new String[] {TEAM_ID}, "left")
        .select(col(REP_ID), lit("month").as(PERIOD_TYPE), col(RepMonths.MONTH).as(PERIOD_START),
            col(TEAM_ID), col(REGION),
            coalesce(col(REVENUE), Money.zero()).as(REVENUE),
            coalesce(col(WON_DEALS), lit(0)).as(WON_DEALS),
            col(RepQuotas.QUOTA).as(QUOTA),
            when(col(RepQuotas.QUOTA).gt(0), coalesce(col(REVENUE), Money.zero()).divide(col(RepQuotas.QUOTA)))
                .cast(Money.RATIO).as(ATTAINMENT));
  }
}
