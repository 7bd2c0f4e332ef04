package org.salescomp.intermediate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One row per rep and period (month, quarter, year) in which the rep holds a roster row: the team of
 * the roster row on the period's last active day (the team of the last rep-month, itself that of the
 * month's last active day, see {@link RepMonths}) and that last month, whose plan the period uses.
 */
public final class RosterPeriods {
  public static final String REP_ID = RepMonths.REP_ID;
  public static final String PERIOD_TYPE = PeriodRollup.PERIOD_TYPE;
  public static final String PERIOD_START = PeriodRollup.PERIOD_START;
  public static final String TEAM_ID = RepMonths.TEAM_ID;
  public static final String LAST_MONTH = "last_month";

  private RosterPeriods() {}

  /** @param repMonths {@link RepMonths} */
  public static Dataset<Row> build(Dataset<Row> repMonths) {
    return PeriodRollup.rollUp(repMonths, RepMonths.MONTH, List.of(REP_ID),
            List.of(max_by(col(RepMonths.TEAM_ID), col(RepMonths.MONTH)).as(TEAM_ID),
                max(col(RepMonths.MONTH)).as(LAST_MONTH)))
        .select(REP_ID, PERIOD_TYPE, PERIOD_START, TEAM_ID, LAST_MONTH);
  }
}
