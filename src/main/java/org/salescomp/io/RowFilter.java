package org.salescomp.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import org.apache.spark.sql.Column;

/**
 * A condition on a published table's columns, written once and read two ways: as a {@link Column} to
 * filter the rows a run writes, and as SQL text for Delta's {@code replaceWhere}, which checks that every
 * written row matches it. Building both from the same calls keeps them from drifting apart.
 */
public final class RowFilter {
  private final Column column;
  private final String sql;

  private RowFilter(Column column, String sql) {
    this.column = column;
    this.sql = sql;
  }

  /** {@code name} between {@code from} and {@code to}, both included. */
  public static RowFilter between(String name, LocalDate from, LocalDate to) {
    return new RowFilter(col(name).between(lit(from), lit(to)),
        name + " >= '" + from + "' AND " + name + " <= '" + to + "'");
  }

  /** Every row: a table a run rebuilds whole (a dimension). */
  public static RowFilter all() {
    return new RowFilter(lit(true), "true");
  }

  public static RowFilter equalTo(String name, String value) {
    return new RowFilter(col(name).equalTo(lit(value)), name + " = " + quoted(value));
  }

  public RowFilter and(RowFilter other) {
    return new RowFilter(column.and(other.column), "(" + sql + ") AND (" + other.sql + ")");
  }

  public RowFilter or(RowFilter other) {
    return new RowFilter(column.or(other.column), "(" + sql + ") OR (" + other.sql + ")");
  }

  public Column column() {
    return column;
  }

  /** The same condition as Spark SQL text. */
  public String sql() {
    return sql;
  }

  /** A Spark SQL string literal: backslashes and quotes escaped. */
  private static String quoted(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  @Override
  public String toString() {
    return sql;
  }
}
