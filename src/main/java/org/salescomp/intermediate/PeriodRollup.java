package org.salescomp.intermediate;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Periods;

/**
 * Rolls month rows up to the three period types of the KPI tables in one aggregation: each month row
 * is repeated for its month, its quarter and its year, then grouped once. Only additive parts may be
 * rolled up (sums, counts, max_by); ratios are re-derived from the rolled-up parts afterwards.
 */
public final class PeriodRollup {
  public static final String PERIOD_TYPE = "period_type";
  public static final String PERIOD_START = "period_start";
  /** Values of {@code period_type}; a period is named by its first day. */
  public static final String TYPE_MONTH = "month";
  public static final String TYPE_QUARTER = "quarter";
  public static final String TYPE_YEAR = "year";

  private static final String PERIOD = "period";

  private PeriodRollup() {}

  /** The (period_type, period_start) of the month, its quarter and its year. */
  public static Column periodsOf(Column month) {
    return array(period(TYPE_MONTH, month), period(TYPE_QUARTER, Periods.quarterOf(month)),
        period(TYPE_YEAR, Periods.yearOf(month)));
  }

  public static Column period(String type, Column start) {
    return struct(lit(type).as(PERIOD_TYPE), start.as(PERIOD_START));
  }

  /**
   * One row per {@code keys}, period_type and period_start: {@code aggregates} over the month rows of
   * the period (a month belongs to one month, one quarter and one year).
   */
  public static Dataset<Row> rollUp(Dataset<Row> monthly, String monthColumn, List<String> keys,
      List<Column> aggregates) {
    List<Column> groupBy = new ArrayList<>();
    keys.forEach(k -> groupBy.add(col(k)));
    groupBy.add(col(PERIOD + "." + PERIOD_TYPE).as(PERIOD_TYPE));
    groupBy.add(col(PERIOD + "." + PERIOD_START).as(PERIOD_START));
    return monthly
        .withColumn(PERIOD, explode(periodsOf(col(monthColumn))))
        .groupBy(groupBy.toArray(Column[]::new))
        .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
  }

  /** Months in a period of the given type. */
  public static Column monthsIn(Column periodType) {
    return when(periodType.equalTo(lit(TYPE_MONTH)), lit(1))
        .when(periodType.equalTo(lit(TYPE_QUARTER)), lit(3))
        .when(periodType.equalTo(lit(TYPE_YEAR)), lit(12));
  }

  /** The first day of the period's last month. */
  public static Column lastMonthOf(Column periodType, Column periodStart) {
    return add_months(periodStart, monthsIn(periodType).minus(lit(1)));
  }

  /** The period's last day. */
  public static Column lastDayOf(Column periodType, Column periodStart) {
    return last_day(lastMonthOf(periodType, periodStart));
  }
}
