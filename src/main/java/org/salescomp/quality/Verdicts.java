package org.salescomp.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The gate's bookkeeping columns on the rows of a source, and how checks set them. A row is
 * <em>open</em> until a check quarantines it (sets {@link #REASON}) or defers it; a check only looks
 * at open rows, so the first check that applies decides, and checks run in {@link ReasonCode} order.
 */
final class Verdicts {
  /** The reason code, null while the row is open. */
  static final String REASON = "_dq_reason";
  /** What exactly is wrong, for the quarantine's detail column. */
  static final String DETAIL = "_dq_detail";
  /** Dated after the logical date (or hanging off a deal that is): a later run takes it. */
  static final String DEFERRED = "_dq_deferred";
  /** An identical extra copy of a key whose first copy goes on (quarantined as DUPLICATE_KEY). */
  static final String EXTRA_COPY = "_dq_extra_copy";
  /** The original values as JSON (personal data left out). */
  static final String ROW = "_dq_row";
  /** The key as read, {@code column=value, ...}. */
  static final String ROW_KEY = "_dq_row_key";

  /** One rule: rows for which {@code fails} is true get {@code reason}; null counts as false. */
  record Check(ReasonCode reason, Column fails, Column detail) {
    Check withReason(ReasonCode other) {
      return new Check(other, fails, detail);
    }
  }

  private Verdicts() {}

  static Column isOpen() {
    return col(REASON).isNull().and(not(col(DEFERRED)));
  }

  static Column isQuarantined() {
    return col(REASON).isNotNull();
  }

  static Column isDeferred() {
    return col(REASON).isNull().and(col(DEFERRED));
  }

  /** Quarantines each open row that fails a check with the first failing check's reason, in reason order. */
  static Dataset<Row> apply(Dataset<Row> rows, List<Check> checks) {
    List<Check> ordered = checks.stream().sorted(Comparator.comparing(Check::reason)).toList();
    Column reason = lit(null).cast(DataTypes.StringType);
    Column detail = lit(null).cast(DataTypes.StringType);
    for (int i = ordered.size() - 1; i >= 0; i--) {
      Check check = ordered.get(i);
      Column fails = coalesce(check.fails(), lit(false));
      reason = when(fails, lit(check.reason().name())).otherwise(reason);
      detail = when(fails, check.detail()).otherwise(detail);
    }
    Column open = isOpen();
    return rows
        .withColumn(DETAIL, when(open, detail).otherwise(col(DETAIL)))
        .withColumn(REASON, when(open, reason).otherwise(col(REASON)));
  }

  /** Defers the open rows for which {@code deferred} is true (null counts as false). */
  static Dataset<Row> defer(Dataset<Row> rows, Column deferred) {
    return rows.withColumn(DEFERRED, col(DEFERRED).or(isOpen().and(coalesce(deferred, lit(false)))));
  }
}
