package org.salescomp.staging;

import java.util.EnumMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.io.SourceTable;

/** One Dataset per input table, each with exactly the contract's columns. */
public record SourceData(Map<SourceTable, Dataset<Row>> tables) {

  public SourceData {
    tables = new EnumMap<>(tables);
    for (SourceTable t : SourceTable.values()) {
      if (!tables.containsKey(t)) {
        throw new IllegalArgumentException("missing input table " + t.tableName());
      }
    }
  }

  public Dataset<Row> get(SourceTable table) {
    return tables.get(table);
  }

  public SourceData with(SourceTable table, Dataset<Row> rows) {
    Map<SourceTable, Dataset<Row>> copy = new EnumMap<>(tables);
    copy.put(table, rows);
    return new SourceData(copy);
  }
}
