package org.salescomp.publish;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The statements of a publish. Names (schemas from the validated config, tables and columns of the
 * lakehouse) are always double-quoted identifiers; values always go through bind parameters.
 */
final class PgSql {
  static final String PUBLISH_LOG = "publish_log";

  private PgSql() {}

  static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  static String table(String schema, String table) {
    return identifier(schema) + "." + identifier(table);
  }

  static String createSchema(String schema) {
    return "CREATE SCHEMA IF NOT EXISTS " + identifier(schema);
  }

  static String createTable(String qualified, List<PgColumn> columns, boolean unlogged) {
    return "CREATE " + (unlogged ? "UNLOGGED " : "") + "TABLE " + qualified + " ("
        + columns.stream().map(PgColumn::definition).collect(Collectors.joining(", ")) + ")";
  }

  static String columnList(List<PgColumn> columns) {
    return columns.stream().map(PgColumn::quotedName).collect(Collectors.joining(", "));
  }

  static String copyIn(String qualified, List<PgColumn> columns) {
    return "COPY " + qualified + " (" + columnList(columns) + ") FROM STDIN (FORMAT csv)";
  }

  static String insertSelect(String target, String staging, List<PgColumn> columns) {
    String list = columnList(columns);
    return "INSERT INTO " + target + " (" + list + ") SELECT " + list + " FROM " + staging;
  }

  /** Name and format_type of each column of a table, in order; no rows when the table does not exist. */
  static final String COLUMNS_OF = "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a"
      + " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
      + " WHERE n.nspname = ? AND c.relname = ? AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped"
      + " ORDER BY a.attnum";

  /** One publish at a time per schema: a session-level lock, released when the connection ends. */
  static final String TRY_LOCK = "SELECT pg_try_advisory_lock(hashtext(?))";

  static String createPublishLog(String schema) {
    return "CREATE TABLE IF NOT EXISTS " + table(schema, PUBLISH_LOG) + " (published_at timestamp with time zone"
        + " NOT NULL, app_version text NOT NULL, lakehouse text NOT NULL, tables jsonb NOT NULL)";
  }

  static String insertPublishLog(String schema) {
    return "INSERT INTO " + table(schema, PUBLISH_LOG) + " (published_at, app_version, lakehouse, tables)"
        + " VALUES (now(), ?, ?, CAST(? AS jsonb))";
  }
}
