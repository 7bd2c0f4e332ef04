package org.salescomp.intermediate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Periods;

/**
 * One row per roster row and month it holds on, up to {@code lastMonth}: the row's active days in
 * the month (it holds on [valid_from, valid_to)) and its attributes. The grain of base salary lines.
 */
public final class RosterMonths {
  public static final String REP_ID = "rep_id";
  public static final String VALID_FROM = "valid_from";
  public static final String MONTH = "month";
  public static final String ACTIVE_DAYS = "active_days";
  public static final String DAYS_IN_MONTH = "days_in_month";
  public static final String LAST_ACTIVE_DAY = "last_active_day";
  public static final String TEAM_ID = "team_id";
  public static final String ROLE = "role";
  public static final String PLAN_ID = "plan_id";
  public static final String HIRE_DATE = "hire_date";
  public static final String MENTOR_ID = "mentor_id";
  public static final String BASE_SALARY_MONTHLY = "base_salary_monthly";

  private RosterMonths() {}

  public static Dataset<Row> build(Dataset<Row> roster, LocalDate lastMonth) {
    return build(roster, LocalDate.of(1900, 1, 1), lastMonth);
  }

  /** Only the months from {@code firstMonth} to {@code lastMonth}: a run computes a bounded history. */
  public static Dataset<Row> build(Dataset<Row> roster, LocalDate firstMonth, LocalDate lastMonth) {
    Column lastDayHeld = date_sub(col("valid_to"), 1);
    Column lastMonthHeld = least(Periods.monthOf(lastDayHeld), lit(lastMonth)); // least() skips a null valid_to
    Column firstMonthHeld = greatest(Periods.monthOf(col(VALID_FROM)), lit(firstMonth));
    return roster
        .where(col(VALID_FROM).leq(lit(lastMonth.withDayOfMonth(lastMonth.lengthOfMonth())))
            .and(col("valid_to").isNull().or(col("valid_to").gt(lit(firstMonth)))))
        .withColumn(MONTH, explode(sequence(firstMonthHeld, lastMonthHeld, expr("interval 1 month"))))
        .withColumn(ACTIVE_DAYS, Periods.daysWithinMonth(col(VALID_FROM), col("valid_to"), col(MONTH)))
        .withColumn(DAYS_IN_MONTH, Periods.daysInMonth(col(MONTH)))
        .withColumn(LAST_ACTIVE_DAY, least(last_day(col(MONTH)), lastDayHeld))
        .where(col(ACTIVE_DAYS).gt(0))
        .select(REP_ID, VALID_FROM, MONTH, ACTIVE_DAYS, DAYS_IN_MONTH, LAST_ACTIVE_DAY, TEAM_ID, ROLE,
            PLAN_ID, HIRE_DATE, MENTOR_ID, BASE_SALARY_MONTHLY);
  }
}
