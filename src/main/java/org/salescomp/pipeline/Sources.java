package org.salescomp.pipeline;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.salescomp.common.InParallel;
import org.salescomp.config.Settings;
import org.salescomp.io.QueryEvaluation;
import org.salescomp.io.SourceReader;
import org.salescomp.io.SourceTable;
import org.salescomp.ops.InputVersions;
import org.salescomp.staging.SourceData;

/**
 * Reads every configured input table as stored (the contract's columns; text for CSV), for the
 * data-quality gate to judge row by row. Delta sources are read at the versions captured when the
 * run started, so every read of the run sees the same data.
 */
public final class Sources {
  private Sources() {}

  /**
   * The sources of a run or a simulation, read as stored; the session then evaluates the run's queries the
   * way that suits their size ({@link QueryEvaluation}).
   */
  public static SourceData readForRun(SparkSession spark, Settings settings, InputVersions versions) {
    // a source's schema is read by a Spark job (Parquet footers, a CSV header, a Delta snapshot): side
    // by side their latencies overlap
    List<SourceTable> all = List.of(SourceTable.values());
    Map<SourceTable, Dataset<Row>> tables = new EnumMap<>(InParallel.map("reading", all, all.size(),
        table -> SourceReader.readRaw(spark, table, versions.pinned(table, settings.source(table)))));
    QueryEvaluation.chooseFor(spark, tables.values());
    return new SourceData(tables);
  }
}
