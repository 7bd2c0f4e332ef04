package org.salescomp.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.salescomp.io.SourceTable;

/**
 * What the gate did with every row, collected once: per source and row key, the outcome of each row
 * with that key ({@code accepted}, {@code deferred} or the reason code) and the details.
 */
final class Outcomes {
  private final Map<SourceTable, Map<String, List<String>>> outcomes = new EnumMap<>(SourceTable.class);
  private final Map<SourceTable, Map<String, List<String>>> details = new EnumMap<>(SourceTable.class);

  Outcomes(GateResult gate) {
    for (SourceTable table : SourceTable.values()) {
      Map<String, List<String>> byKey = new TreeMap<>();
      Map<String, List<String>> detailByKey = new TreeMap<>();
      for (Row r : gate.checked(table).select(col(Verdicts.ROW_KEY), when(Verdicts.isQuarantined(), col(Verdicts.REASON))
          .when(col(Verdicts.DEFERRED), lit("deferred")).otherwise(lit("accepted")), col(Verdicts.DETAIL))
          .collectAsList()) {
        byKey.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(1));
        if (r.getString(2) != null) {
          detailByKey.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(2));
        }
      }
      byKey.values().forEach(list -> list.sort(null));
      outcomes.put(table, byKey);
      details.put(table, detailByKey);
    }
  }

  /** The outcomes of the rows with this key, sorted; empty when there is no such row. */
  List<String> of(SourceTable table, String rowKey) {
    return outcomes.get(table).getOrDefault(rowKey, List.of());
  }

  /** The only outcome of the one row with this key. */
  String one(SourceTable table, String rowKey) {
    List<String> all = of(table, rowKey);
    if (all.size() != 1) {
      throw new AssertionError(table.tableName() + " " + rowKey + ": expected one row, found " + all);
    }
    return all.get(0);
  }

  List<String> details(SourceTable table, String rowKey) {
    return details.get(table).getOrDefault(rowKey, List.of());
  }

  /** Every row key of a source. */
  java.util.Set<String> keys(SourceTable table) {
    return outcomes.get(table).keySet();
  }
}
