package org.salescomp.intermediate;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One row per deal: the credit row of its primary rep (largest credit, then smallest rep_id, see
 * {@link CreditedDeals}), with that rep's team on the close date. The lookup behind new customers and
 * behind the attribution of surveys and complaints through their deal.
 */
public final class PrimaryCredits {
  public static final String DEAL_ID = CreditedDeals.DEAL_ID;
  public static final String CUSTOMER_ID = CreditedDeals.CUSTOMER_ID;
  public static final String CLOSE_DATE = CreditedDeals.CLOSE_DATE;
  public static final String MONTH = CreditedDeals.MONTH;
  public static final String PRIMARY_REP_ID = CreditedDeals.PRIMARY_REP_ID;
  public static final String TEAM_ID = CreditedDeals.TEAM_ID;

  private PrimaryCredits() {}

  public static Dataset<Row> build(Dataset<Row> creditedDeals) {
    return creditedDeals
        .where(col(CreditedDeals.REP_ID).equalTo(col(CreditedDeals.PRIMARY_REP_ID)))
        .select(DEAL_ID, CUSTOMER_ID, CLOSE_DATE, MONTH, PRIMARY_REP_ID, TEAM_ID);
  }
}
