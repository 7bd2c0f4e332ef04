package org.salescomp.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.month;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Periods;
import org.salescomp.intermediate.RosterMonths;

/**
 * One row per rep and quarter the rep is on a team on the quarter's last day (the roster row holding
 * that day): the members of team awards, and the reps eligible for special awards.
 */
public final class QuarterMembers {
  public static final String REP_ID = "rep_id";
  public static final String TEAM_ID = "team_id";
  public static final String QUARTER = "quarter";
  /** The quarter's last month, where its awards are paid. */
  public static final String PAY_MONTH = "month";

  private QuarterMembers() {}

  public static Dataset<Row> build(Dataset<Row> rosterMonths) {
    return rosterMonths
        .where(month(col(RosterMonths.MONTH)).isin(3, 6, 9, 12)
            .and(col(RosterMonths.LAST_ACTIVE_DAY).equalTo(last_day(col(RosterMonths.MONTH)))))
        .select(col(RosterMonths.REP_ID).as(REP_ID), col(RosterMonths.TEAM_ID).as(TEAM_ID),
            Periods.quarterOf(col(RosterMonths.MONTH)).as(QUARTER), col(RosterMonths.MONTH).as(PAY_MONTH));
  }
}
