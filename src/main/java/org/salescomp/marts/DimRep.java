package org.salescomp.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.salescomp.io.PublishedTable;

/**
 * {@code dim_rep}: the roster as a slowly changing dimension (type 2), one row per roster row as the
 * contract's {@code reps} holds it. A fact joins it by rep_id and a date within [valid_from, valid_to), or
 * by rep_id alone on {@code is_current}. The name is personal data: it is a column only when
 * {@code salescomp.publish.include-names} is true.
 */
public final class DimRep {
  static final String REP_ID = "rep_id";
  static final String VALID_FROM = "valid_from";
  static final String VALID_TO = "valid_to";
  static final String IS_CURRENT = "is_current";
  static final String NAME = "name";

  public static final PublishedTable TABLE = new PublishedTable("dim_rep",
      "one row per roster row of a rep (SCD type 2): the rep's role, team, plan and employment dates while it held",
      PublishedTable.columnsOf()
          .add(REP_ID, DataTypes.StringType, "the rep")
          .add(VALID_FROM, DataTypes.DateType, "first day the row holds")
          .add(VALID_TO, DataTypes.DateType, "first day the row no longer holds (exclusive); null while open")
          .required(IS_CURRENT, DataTypes.BooleanType,
              "whether this is the rep's latest row (the greatest valid_from): the rep's attributes now")
          .add("role", DataTypes.StringType, "the rep's role")
          .add("team_id", DataTypes.StringType, "the rep's team (dim_team)")
          .add("manager_id", DataTypes.StringType, "the rep's manager (a rep_id); null without one")
          .add("plan_id", DataTypes.StringType, "the rep's compensation plan (dim_plan_version)")
          .add("hire_date", DataTypes.DateType, "the rep's hire date")
          .add("termination_date", DataTypes.DateType, "the rep's termination date; null while employed")
          .personal(NAME, DataTypes.StringType,
              "the rep's name: personal data, a column only when salescomp.publish.include-names = true")
          .withRunId(),
      List.of(), List.of(REP_ID, VALID_FROM), List.of(REP_ID, VALID_FROM), PublishedTable.OwnedRows.all(), false);

  private DimRep() {}

  /**
   * The current row does not depend on a run's dates, so a backfill of old months publishes the same
   * dimension as the nightly run.
   *
   * @param reps the accepted roster rows
   * @param includeNames whether the name column is published
   */
  public static Dataset<Row> build(Dataset<Row> reps, boolean includeNames) {
    Column latest = max(col(VALID_FROM)).over(Window.partitionBy(col(REP_ID)));
    List<Column> columns = new ArrayList<>();
    for (String c : table(includeNames).columns()) {
      if (c.equals(IS_CURRENT)) {
        columns.add(col(VALID_FROM).equalTo(latest).as(IS_CURRENT));
      } else if (!c.equals(PublishedTable.RUN_ID)) {
        columns.add(col(c));
      }
    }
    return reps.select(columns.toArray(Column[]::new));
  }

  /** The declaration as published: with the name column only when names are included. */
  public static PublishedTable table(boolean includeNames) {
    return includeNames ? TABLE : TABLE.withoutPersonalColumns();
  }
}
