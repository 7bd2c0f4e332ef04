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

  static String identifiers(List<String> names) {
    return names.stream().map(PgSql::identifier).collect(Collectors.joining(", "));
  }

  /** A string literal (comments): quotes doubled, standard_conforming_strings assumed (the default since 9.1). */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** {@code <table>_<columns>_idx}, cut to PostgreSQL's 63 bytes of a name. */
  static String indexName(String table, List<String> columns) {
    String name = table + "_" + String.join("_", columns) + "_idx";
    return name.length() <= 63 ? name : name.substring(0, 63);
  }

  /** Deletes the target's rows whose slice columns equal a row of {@code slices} (nulls equal too). */
  static String deleteSlices(String target, String slices, List<String> columns) {
    return "DELETE FROM " + target + " t USING " + slices + " s WHERE " + columns.stream()
        .map(c -> "t." + identifier(c) + " IS NOT DISTINCT FROM s." + identifier(c))
        .collect(Collectors.joining(" AND "));
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

  /** A row when the table has a primary key. */
  static final String HAS_PRIMARY_KEY = "SELECT 1 FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
      + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ? AND k.contype = 'p'";

  /** One publish at a time per schema: a session-level lock, released when the connection ends. */
  static final String TRY_LOCK = "SELECT pg_try_advisory_lock(hashtext(?))";

  static String createPublishLog(String schema) {
    return "CREATE TABLE IF NOT EXISTS " + table(schema, PUBLISH_LOG) + " (published_at timestamp with time zone"
        + " NOT NULL, app_version text NOT NULL, lakehouse text NOT NULL, tables jsonb NOT NULL)";
  }

  /** The Delta version of each table a publish copied: a column added after the first releases. */
  static String addVersionsToPublishLog(String schema) {
    return "ALTER TABLE " + table(schema, PUBLISH_LOG) + " ADD COLUMN IF NOT EXISTS versions jsonb";
  }

  static String insertPublishLog(String schema) {
    return "INSERT INTO " + table(schema, PUBLISH_LOG) + " (published_at, app_version, lakehouse, tables, versions)"
        + " VALUES (now(), ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))";
  }

  /** Table and version of the last publish into the schema, when it copied the lakehouse bound first. */
  static String lastPublishedVersions(String schema) {
    return "SELECT v.key, CAST(v.value AS bigint) FROM (SELECT lakehouse, versions FROM " + table(schema, PUBLISH_LOG)
        + " ORDER BY published_at DESC LIMIT 1) p, jsonb_each_text(p.versions) v WHERE p.lakehouse = ?";
  }
}
