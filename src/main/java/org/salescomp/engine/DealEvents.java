package org.salescomp.engine;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.salescomp.common.Periods;

/**
 * Events that can claw a deal back (step 5): one row per deal and event, with the month the event
 * falls in and the days from the close date to it.
 * <ul>
 *   <li>{@code cancelled} / {@code refunded}: the deal's status change, dated status_date;
 *   <li>{@code churn}: the deal's customer active in the previous month and inactive in this one,
 *       for a deal still won then (no status change before the churn month) that closed in an earlier
 *       month; the days run to the churn month's first day.
 * </ul>
 */
public final class DealEvents {
  public static final String DEAL_ID = "deal_id";
  public static final String EVENT = "event";
  public static final String EVENT_DATE = "event_date";
  public static final String EVENT_MONTH = "event_month";
  public static final String DAYS_AFTER_CLOSE = "days_after_close";
  public static final String CHURN = "churn";

  private DealEvents() {}

  /**
   * @param deals one row per deal: deal_id, customer_id, close_date, status, status_date (as staged)
   * @param retention customer_retention rows (customer_id, month, active)
   */
  public static Dataset<Row> build(Dataset<Row> deals, Dataset<Row> retention) {
    Dataset<Row> statusChanges = deals
        .where(col("status").isin("cancelled", "refunded").and(col("status_date").isNotNull()))
        .select(col(DEAL_ID), col("status").as(EVENT), col("status_date").as(EVENT_DATE),
            datediff(col("status_date"), col("close_date")).as(DAYS_AFTER_CLOSE));

    Dataset<Row> churns = churnMonths(retention);
    Column stillWonThen = col("status").equalTo(lit("won"))
        .or(col("status_date").isNull())
        .or(col("status_date").geq(col("churn_month")));
    Dataset<Row> churnEvents = deals
        .join(churns, "customer_id")
        .where(col("churn_month").gt(Periods.monthOf(col("close_date"))).and(stillWonThen))
        .select(col(DEAL_ID), lit(CHURN).as(EVENT), col("churn_month").as(EVENT_DATE),
            datediff(col("churn_month"), col("close_date")).as(DAYS_AFTER_CLOSE));

    return statusChanges.unionByName(churnEvents)
        .withColumn(EVENT_MONTH, Periods.monthOf(col(EVENT_DATE)));
  }

  /** Months in which a customer active in the month before is inactive: one row per customer and churn month. */
  static Dataset<Row> churnMonths(Dataset<Row> retention) {
    var byCustomer = Window.partitionBy("customer_id").orderBy("month");
    return retention
        .withColumn("month", Periods.monthOf(col("month")))
        .withColumn("previous_month", lag(col("month"), 1).over(byCustomer))
        .withColumn("previous_active", lag(col("active"), 1).over(byCustomer))
        .where(col("active").equalTo(lit(false))
            .and(col("previous_active").equalTo(lit(true)))
            .and(col("previous_month").equalTo(add_months(col("month"), -1))))
        .select(col("customer_id"), col("month").as("churn_month"));
  }
}
