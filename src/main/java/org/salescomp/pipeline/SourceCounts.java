package org.salescomp.pipeline;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.salescomp.io.SourceTable;
import org.salescomp.marts.RunLog;
import org.salescomp.staging.SourceData;
import org.salescomp.staging.StagedDeals;

/** Rows read, accepted and deferred per source for the run log (one aggregate per source). */
final class SourceCounts {
  private SourceCounts() {}

  static List<RunLog.SourceCount> of(SourceData inputs, LocalDate logicalDate) {
    List<RunLog.SourceCount> counts = new ArrayList<>();
    for (SourceTable table : SourceTable.values()) {
      long read;
      long deferred = 0;
      if (table == SourceTable.DEALS) {
        Row r = inputs.get(table).agg(count(lit(1)),
            coalesce(sum(when(StagedDeals.isDeferred(logicalDate), 1).otherwise(0)), lit(0L))).first();
        read = r.getLong(0);
        deferred = r.getLong(1);
      } else {
        read = inputs.get(table).count();
      }
      counts.add(new RunLog.SourceCount(table.tableName(), read, read - deferred, 0, deferred));
    }
    return counts;
  }
}
