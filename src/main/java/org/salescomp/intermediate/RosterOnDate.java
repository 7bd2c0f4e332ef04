package org.salescomp.intermediate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The team of a rep's roster row that holds on a date (a row holds on [valid_from, valid_to), a null
 * valid_to is open). The roster is small: a broadcast range join, as {@link CreditedDeals} does for
 * close dates.
 */
public final class RosterOnDate {
  private static final String R_REP_ID = "r_rep_id";
  private static final String R_TEAM_ID = "r_team_id";
  private static final String R_FROM = "r_from";
  private static final String R_TO = "r_to";

  private RosterOnDate() {}

  /**
   * {@code rows} with {@code teamColumn} added: the team of {@code repColumn}'s roster row on
   * {@code dateColumn}, null when no row holds then (or the rep is null).
   *
   * @param roster reps roster rows (rep_id, team_id, valid_from, valid_to)
   */
  public static Dataset<Row> withTeam(Dataset<Row> rows, String repColumn, String dateColumn, Dataset<Row> roster,
      String teamColumn) {
    Dataset<Row> teams = roster.select(col("rep_id").as(R_REP_ID), col("team_id").as(R_TEAM_ID),
        col("valid_from").as(R_FROM), col("valid_to").as(R_TO));
    Column date = col(dateColumn);
    Column holds = col(repColumn).equalTo(col(R_REP_ID))
        .and(col(R_FROM).leq(date))
        .and(col(R_TO).isNull().or(date.lt(col(R_TO))));
    return rows
        .join(broadcast(teams), holds, "left")
        .withColumn(teamColumn, col(R_TEAM_ID))
        .drop(R_REP_ID, R_TEAM_ID, R_FROM, R_TO);
  }
}
