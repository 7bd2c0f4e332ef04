package org.salescomp.staging;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Deals as the run knows them on its logical date (data contract, "Bad input"): a deal closed after
 * the logical date is deferred; a status change dated after it is not yet known, so the deal counts
 * as won. One row per deal.
 */
public final class StagedDeals {
  public static final String DEAL_ID = "deal_id";
  public static final String CUSTOMER_ID = "customer_id";
  public static final String OWNER_REP_ID = "owner_rep_id";
  public static final String PRODUCT_CATEGORY = "product_category";
  public static final String CHANNEL = "channel";
  public static final String AMOUNT = "amount";
  public static final String CURRENCY = "currency";
  public static final String CLOSE_DATE = "close_date";
  public static final String STATUS = "status";
  public static final String STATUS_DATE = "status_date";

  public static final String WON = "won";

  private StagedDeals() {}

  /** Rows whose close date is after the logical date: a later run takes them. */
  public static Column isDeferred(LocalDate logicalDate) {
    return col(CLOSE_DATE).gt(lit(logicalDate));
  }

  public static Dataset<Row> build(Dataset<Row> deals, LocalDate logicalDate) {
    Column statusKnown = col(STATUS_DATE).isNull().or(col(STATUS_DATE).leq(lit(logicalDate)));
    return deals
        .where(isDeferred(logicalDate).unary_$bang())
        .withColumn(STATUS, when(statusKnown, col(STATUS)).otherwise(lit(WON)))
        .withColumn(STATUS_DATE, when(statusKnown, col(STATUS_DATE)));
  }
}
