package org.salescomp.common;

import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trunc;

import org.apache.spark.sql.Column;

/** Month arithmetic on date columns; a month is named by its first day. */
public final class Periods {
  private Periods() {}

  public static Column monthOf(Column date) {
    return trunc(date, "month");
  }

  public static Column quarterOf(Column date) {
    return trunc(date, "quarter");
  }

  public static Column yearOf(Column date) {
    return trunc(date, "year");
  }

  /** Days in the month that starts at {@code monthStart}. */
  public static Column daysInMonth(Column monthStart) {
    return datediff(last_day(monthStart), monthStart).plus(lit(1));
  }

  /**
   * Days of [from, untilExclusive) that fall in the month starting at {@code monthStart};
   * a null end is open.
   */
  public static Column daysWithinMonth(Column from, Column untilExclusive, Column monthStart) {
    Column monthEndExclusive = date_add(last_day(monthStart), 1);
    Column end = least(monthEndExclusive, untilExclusive); // least() skips a null end
    Column start = greatest(from, monthStart);
    return greatest(datediff(end, start), lit(0));
  }
}
