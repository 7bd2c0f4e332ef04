package org.salescomp.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.salescomp.common.Money;
import org.salescomp.io.PublishedTable;
import org.salescomp.engine.Payouts;

/**
 * {@code period_close}: one row per closed month ("Closed periods (the pay ledger)"): when it was closed,
 * the run whose pay it closed, and that pay's payout total and line count. Written by {@code close}, never
 * updated: a closed month never reopens.
 */
public final class PeriodClose {
  public static final String TABLE_NAME = "period_close";
  public static final String MONTH = "month";
  public static final String CLOSED_AT = "closed_at";
  public static final String CLOSING_RUN_ID = "closing_run_id";
  public static final String PAYOUT_TOTAL = "payout_total";
  public static final String LINE_COUNT = "line_count";

  public static final PublishedTable TABLE = new PublishedTable(TABLE_NAME,
      "one row per closed month: when it was closed and the pay that went to payroll",
      PublishedTable.columnsOf()
          .required(MONTH, DateType, "first day of the closed month")
          .required(CLOSED_AT, TimestampType, "when close closed it")
          .required(CLOSING_RUN_ID, StringType, "the run whose pay of the month was closed")
          .required(PAYOUT_TOTAL, Money.MONEY, "the month's payouts.total summed")
          .required(LINE_COUNT, LongType, "the month's commission_lines")
          .withRunId(),
      List.of(), List.of(MONTH), List.of(MONTH), (scope, runId) -> {
        throw new IllegalStateException(TABLE_NAME + " is written by close, never replaced by a run");
      }, false);
  public static final StructType SCHEMA = TABLE.schema();

  /** Columns of {@link #paidMonths}: the run ids found on each table's rows of the month. */
  public static final String PAYOUT_RUN_MIN = "payout_run_min";
  public static final String PAYOUT_RUN_MAX = "payout_run_max";
  public static final String LINE_RUN_MIN = "line_run_min";
  public static final String LINE_RUN_MAX = "line_run_max";

  private PeriodClose() {}

  /**
   * One row per month from {@code from} to {@code to} that has pay in {@code payouts}: payout total, line
   * count, and the smallest and largest run id on each table's rows (one run wrote the month when they
   * are all equal).
   */
  public static Dataset<Row> paidMonths(Dataset<Row> payouts, Dataset<Row> lines, LocalDate from, LocalDate to) {
    Dataset<Row> pay = payouts.where(col(Payouts.MONTH).between(lit(from), lit(to)))
        .groupBy(Payouts.MONTH)
        .agg(Money.sum(col(Payouts.TOTAL)).cast(Money.MONEY).as(PAYOUT_TOTAL),
            min(col(PublishedTable.RUN_ID)).as(PAYOUT_RUN_MIN), max(col(PublishedTable.RUN_ID)).as(PAYOUT_RUN_MAX));
    Dataset<Row> counted = lines.where(col(Payouts.MONTH).between(lit(from), lit(to)))
        .groupBy(Payouts.MONTH)
        .agg(count(lit(1)).as(LINE_COUNT),
            min(col(PublishedTable.RUN_ID)).as(LINE_RUN_MIN), max(col(PublishedTable.RUN_ID)).as(LINE_RUN_MAX));
    return pay.join(counted, new String[] {MONTH}, "left").orderBy(MONTH);
  }
}
