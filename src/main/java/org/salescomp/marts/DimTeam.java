package org.salescomp.marts;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.salescomp.io.PublishedTable;

/** {@code dim_team}: one row per team of the contract's {@code teams}, with its region and manager. */
public final class DimTeam {
  static final String TEAM_ID = "team_id";

  public static final PublishedTable TABLE = new PublishedTable("dim_team",
      "one row per team: its name, region and manager",
      PublishedTable.columnsOf()
          .add(TEAM_ID, DataTypes.StringType, "the team")
          .add("team_name", DataTypes.StringType, "the team's name (not personal data: a team, not a person)")
          .add("region", DataTypes.StringType, "the team's region, as in the KPI tables")
          .add("manager_rep_id", DataTypes.StringType, "the manager paid an override on the team's deals; null without one")
          .withRunId(),
      List.of(), List.of(TEAM_ID), List.of(TEAM_ID), PublishedTable.OwnedRows.all(), false);

  private DimTeam() {}

  /** @param teams the accepted teams */
  public static Dataset<Row> build(Dataset<Row> teams) {
    return teams.selectExpr(TEAM_ID, "name as team_name", "region", "manager_rep_id");
  }
}
