package org.salescomp.intermediate;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Periods;

/**
 * One row per rep and period (month, quarter, year) whose book had customers active in the month
 * before the period: {@code book_base}, the customers owned by the rep ({@code owner_rep_id}) that
 * were active in the month before the period, and {@code book_retained}, those of them active in the
 * period's last month. retention_rate = book_retained / book_base; a rep-period without a row has no
 * base (retention null). The period's last month is capped at the run's last month, so a quarter or
 * year in progress is measured to date. A customer without a snapshot for a month was not active in it.
 */
public final class BookRetention {
  public static final String REP_ID = "rep_id";
  public static final String PERIOD_TYPE = PeriodRollup.PERIOD_TYPE;
  public static final String PERIOD_START = PeriodRollup.PERIOD_START;
  public static final String BOOK_BASE = "book_base";
  public static final String BOOK_RETAINED = "book_retained";

  private static final String CUSTOMER_ID = "customer_id";
  private static final String MONTH = "month";
  private static final String ROLE = "role";
  private static final String BEFORE = "active_before";
  private static final String AT_END = "active_at_end";

  private BookRetention() {}

  /**
   * @param customers the customers source (customer_id, owner_rep_id)
   * @param retention the customer_retention source (customer_id, month, active)
   * @param lastMonth the run's last month: later snapshots are not used
   */
  public static Dataset<Row> build(Dataset<Row> customers, Dataset<Row> retention, LocalDate lastMonth) {
    Column month = col(MONTH);
    Column next = add_months(month, 1);
    Column last = lit(lastMonth);
    // an active month is the month before the periods starting next month ...
    Column asMonthBefore = array(
        role(PeriodRollup.TYPE_MONTH, next, true),
        when(next.equalTo(Periods.quarterOf(next)), role(PeriodRollup.TYPE_QUARTER, next, true)),
        when(next.equalTo(Periods.yearOf(next)), role(PeriodRollup.TYPE_YEAR, next, true)));
    // ... and the last month of its month, and of its quarter and year when it is their last (to date)
    Column asLastMonth = array(
        role(PeriodRollup.TYPE_MONTH, month, false),
        when(month.equalTo(least(add_months(Periods.quarterOf(month), 2), last)),
            role(PeriodRollup.TYPE_QUARTER, Periods.quarterOf(month), false)),
        when(month.equalTo(least(add_months(Periods.yearOf(month), 11), last)),
            role(PeriodRollup.TYPE_YEAR, Periods.yearOf(month), false)));

    Dataset<Row> perCustomer = retention
        .where(col("active").and(month.leq(last)))
        .select(col(CUSTOMER_ID), explode(concat(asMonthBefore, asLastMonth)).as(ROLE))
        // the roles that do not apply are null: dropped here rather than by a lambda per row
        .where(col(ROLE).isNotNull().and(col(ROLE + "." + PERIOD_START).leq(last)))
        .groupBy(col(CUSTOMER_ID), col(ROLE + "." + PERIOD_TYPE).as(PERIOD_TYPE),
            col(ROLE + "." + PERIOD_START).as(PERIOD_START))
        .agg(max(col(ROLE + "." + BEFORE)).as(BEFORE), max(col(ROLE + "." + AT_END)).as(AT_END))
        .where(col(BEFORE));
    Dataset<Row> book = customers.where(col("owner_rep_id").isNotNull())
        .select(col(CUSTOMER_ID), col("owner_rep_id").as(REP_ID));
    return perCustomer
        .join(book, CUSTOMER_ID)
        .groupBy(REP_ID, PERIOD_TYPE, PERIOD_START)
        .agg(count(lit(1)).cast("int").as(BOOK_BASE),
            sum(when(col(AT_END), 1).otherwise(0)).cast("int").as(BOOK_RETAINED))
        .select(REP_ID, PERIOD_TYPE, PERIOD_START, BOOK_BASE, BOOK_RETAINED);
  }

  private static Column role(String periodType, Column periodStart, boolean monthBefore) {
    return struct(lit(periodType).as(PERIOD_TYPE), periodStart.as(PERIOD_START),
        lit(monthBefore).as(BEFORE), lit(!monthBefore).as(AT_END));
  }
}
