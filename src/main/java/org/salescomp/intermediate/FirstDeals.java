package org.salescomp.intermediate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One row per customer: its first deal ever (earliest close_date, then smallest deal_id, every
 * status), the deal's primary rep and that rep's team on the close date. A new customer counts in
 * the month of that deal for the primary rep only, even when the deal is split.
 */
public final class FirstDeals {
  public static final String CUSTOMER_ID = PrimaryCredits.CUSTOMER_ID;
  public static final String DEAL_ID = PrimaryCredits.DEAL_ID;
  public static final String CLOSE_DATE = PrimaryCredits.CLOSE_DATE;
  public static final String MONTH = PrimaryCredits.MONTH;
  public static final String REP_ID = "rep_id";
  public static final String TEAM_ID = PrimaryCredits.TEAM_ID;

  private static final String FIRST = "first";

  private FirstDeals() {}

  /** @param primaryCredits {@link PrimaryCredits} */
  public static Dataset<Row> build(Dataset<Row> primaryCredits) {
    // struct order: a struct's min compares its fields in turn
    return primaryCredits
        .groupBy(col(CUSTOMER_ID))
        .agg(min(struct(col(CLOSE_DATE), col(DEAL_ID), col(MONTH), col(PrimaryCredits.PRIMARY_REP_ID),
            col(TEAM_ID))).as(FIRST))
        .select(col(CUSTOMER_ID), col(FIRST + "." + DEAL_ID).as(DEAL_ID), col(FIRST + "." + CLOSE_DATE).as(CLOSE_DATE),
            col(FIRST + "." + MONTH).as(MONTH), col(FIRST + "." + PrimaryCredits.PRIMARY_REP_ID).as(REP_ID),
            col(FIRST + "." + TEAM_ID).as(TEAM_ID));
  }

  /** {@link KpiMonthFacts} events: one new customer for the primary rep in the first deal's month. */
  public static Dataset<Row> events(Dataset<Row> firstDeals) {
    return firstDeals.select(KpiMonthFacts.eventColumns(col(REP_ID), col(TEAM_ID), col(MONTH),
        Map.of(KpiMonthFacts.NEW_CUSTOMERS, lit(1))));
  }
}
