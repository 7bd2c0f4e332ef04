package org.salescomp.pipeline;

import java.util.EnumMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.salescomp.config.Settings;
import org.salescomp.io.SourceReader;
import org.salescomp.io.SourceTable;
import org.salescomp.staging.SourceData;

/** Reads every configured input table with the contract's schema. */
final class Sources {
  private Sources() {}

  static SourceData readAll(SparkSession spark, Settings settings) {
    Map<SourceTable, Dataset<Row>> tables = new EnumMap<>(SourceTable.class);
    for (SourceTable table : SourceTable.values()) {
      tables.put(table, SourceReader.read(spark, table, settings.source(table)));
    }
    return new SourceData(tables);
  }
}
