package org.salescomp.quality;

import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.StructType;
import org.salescomp.io.SourceTable;

/**
 * {@code quarantine}: one row per quarantined input row of a run. {@code row} holds the row's values
 * as read (JSON; text for CSV; personal data such as customer names left out), {@code row_key} its
 * key as read ({@code deal_id=D-0000012}), {@code detail} what exactly is wrong. Published by
 * replacing the run's rows ({@link #ownedRows}), so a rerun with the same run id leaves one copy.
 */
public final class Quarantine {
  public static final String TABLE = "quarantine";
  public static final String RUN_ID = "run_id";
  public static final String SOURCE = "source";
  public static final String REASON = "reason";
  public static final String ROW_KEY = "row_key";
  public static final String ROW = "row";
  public static final String DETAIL = "detail";

  public static final StructType SCHEMA = new StructType()
      .add(RUN_ID, StringType, false)
      .add(SOURCE, StringType, false)
      .add(REASON, StringType, false)
      .add(ROW_KEY, StringType, false)
      .add(ROW, StringType, false)
      .add(DETAIL, StringType, true);

  /** How {@code row_key} shows a key column without a value. */
  public static final String NULL_VALUE = "<null>";

  private Quarantine() {}

  /**
   * The {@code row_key} of a row whose key columns read as {@code values} (text as read; ISO dates):
   * {@code deal_id=D-0000012}, {@code rep_id=R-001, valid_from=2025-01-01}.
   */
  public static String rowKey(SourceTable table, Map<String, String> values) {
    return table.key().stream()
        .map(k -> k + "=" + (values.get(k) == null ? NULL_VALUE : values.get(k)))
        .collect(Collectors.joining(", "));
  }

  /** The replaceWhere predicate of a run's rows: {@code run_id = '<id>'}, quotes escaped. */
  public static String ownedRows(String runId) {
    return RUN_ID + " = '" + runId.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
