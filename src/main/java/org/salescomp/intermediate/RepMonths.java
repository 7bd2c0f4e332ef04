package org.salescomp.intermediate;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Periods;

/**
 * One row per rep and month the rep holds a roster row: active days over all rows, and the plan,
 * team, role, hire date and mentor of the row on the last active day ("A rep-month uses the plan of
 * the rep's roster row on the last active day of that month"). {@code month_index} counts months
 * since the hire month (which is 0).
 */
public final class RepMonths {
  public static final String REP_ID = RosterMonths.REP_ID;
  public static final String MONTH = RosterMonths.MONTH;
  public static final String ACTIVE_DAYS = RosterMonths.ACTIVE_DAYS;
  public static final String DAYS_IN_MONTH = RosterMonths.DAYS_IN_MONTH;
  public static final String TEAM_ID = RosterMonths.TEAM_ID;
  public static final String ROLE = RosterMonths.ROLE;
  public static final String PLAN_ID = RosterMonths.PLAN_ID;
  public static final String HIRE_DATE = RosterMonths.HIRE_DATE;
  public static final String MENTOR_ID = RosterMonths.MENTOR_ID;
  public static final String MONTH_INDEX = "month_index";

  private RepMonths() {}

  /**
   * The months after a rep's last active month, up to {@code lastMonth}, with no active day: the
   * attributes of the rep's last rep-month (its plan, team, role), {@code active_days} 0. A rep with no
   * active day in a month still gets the month's clawbacks and adjustments (on the plan of the last
   * active day, version in force for the month), so a clawback after a termination is never skipped.
   *
   * @param repMonths {@link #build}
   */
  public static Dataset<Row> afterLastActive(Dataset<Row> repMonths, LocalDate lastMonth) {
    Column[] columns = java.util.Arrays.stream(repMonths.columns()).map(c -> col(c)).toArray(Column[]::new);
    return repMonths
        .groupBy(col(REP_ID).as("last_rep_id"))
        .agg(max_by(struct(columns), col(MONTH)).as("last_month_row"))
        .select(col("last_month_row.*"))
        .where(col(MONTH).lt(lit(lastMonth)))
        .withColumn(MONTH, explode(sequence(add_months(col(MONTH), 1), lit(lastMonth), expr("interval 1 month"))))
        .withColumn(ACTIVE_DAYS, lit(0))
        .withColumn(DAYS_IN_MONTH, Periods.daysInMonth(col(MONTH)))
        .withColumn(MONTH_INDEX, months_between(col(MONTH), Periods.monthOf(col(HIRE_DATE))).cast("int"))
        .select(columns);
  }

  public static Dataset<Row> build(Dataset<Row> rosterMonths) {
    Dataset<Row> perRep = rosterMonths
        .groupBy(col(REP_ID), col(MONTH))
        .agg(sum(col(ACTIVE_DAYS)).cast("int").as(ACTIVE_DAYS),
            max(col(DAYS_IN_MONTH)).as(DAYS_IN_MONTH),
            max_by(struct(col(TEAM_ID), col(ROLE), col(PLAN_ID), col(HIRE_DATE), col(MENTOR_ID)),
                col(RosterMonths.LAST_ACTIVE_DAY)).as("last_row"));
    return perRep
        .select(col(REP_ID), col(MONTH), col(ACTIVE_DAYS), col(DAYS_IN_MONTH),
            col("last_row." + TEAM_ID).as(TEAM_ID), col("last_row." + ROLE).as(ROLE),
            col("last_row." + PLAN_ID).as(PLAN_ID), col("last_row." + HIRE_DATE).as(HIRE_DATE),
            col("last_row." + MENTOR_ID).as(MENTOR_ID))
        .withColumn(MONTH_INDEX,
            months_between(col(MONTH), Periods.monthOf(col(HIRE_DATE))).cast("int"));
  }
}
