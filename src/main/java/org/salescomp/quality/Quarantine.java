package org.salescomp.quality;

import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.StructType;
import org.salescomp.io.PublishedTable;
import org.salescomp.io.SourceTable;

/**
 * {@code quarantine}: one row per quarantined input row of a run. {@code row} holds the row's values
 * as read (JSON; text for CSV; personal data such as customer names left out), {@code row_key} its
 * key as read ({@code deal_id=D-0000012}), {@code detail} what exactly is wrong.
 */
public final class Quarantine {
  public static final String RUN_ID = PublishedTable.RUN_ID;
  public static final String SOURCE = "source";
  public static final String REASON = "reason";
  public static final String ROW_KEY = "row_key";
  public static final String ROW = "row";
  public static final String DETAIL = "detail";

  /** Published by replacing the run's own rows: a rerun with the same run id leaves one copy. */
  public static final PublishedTable TABLE = new PublishedTable("quarantine",
      "one row per input row a run quarantined, with the reason and the row's original values",
      PublishedTable.columnsOf()
          .required(RUN_ID, StringType, "the run that read the row")
          .required(SOURCE, StringType, "the input table it came from")
          .required(REASON, StringType, "one reason code of the data contract (UNPARSEABLE, NULL_KEY, ...)")
          .required(ROW_KEY, StringType, "its key as read: deal_id=D-0000012")
          .required(ROW, StringType, "its values as read (JSON; text for CSV), personal data left out")
          .add(DETAIL, StringType, "what exactly is wrong")
          .build(),
      // no key: the copies of a duplicated input row are a row each, with the same source, key and reason
      List.of(), List.of(), List.of(SOURCE, REASON, ROW_KEY, ROW),
      PublishedTable.OwnedRows.ofRun(), false);

  public static final StructType SCHEMA = TABLE.schema();

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
}
