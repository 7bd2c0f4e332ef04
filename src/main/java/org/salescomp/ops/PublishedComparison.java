package org.salescomp.ops;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.salescomp.io.LakehousePaths;
import org.salescomp.marts.RunLog;

/**
 * Compares what a run published (each table at the version the run's commit created, the rows carrying
 * its run id) with the same tables of another lakehouse, row for row as multisets. {@code run_log} is
 * not compared: it records when and from which folder a run ran.
 */
public final class PublishedComparison {
  private PublishedComparison() {}

  /** One table: rows only in the published version, only in the other lakehouse, and rows in both. */
  public record TableDiff(String table, long onlyPublished, long onlyOther, long rows) {
    public boolean identical() {
      return onlyPublished == 0 && onlyOther == 0;
    }
  }

  public static List<TableDiff> compare(SparkSession spark, String publishedRoot, Map<String, Long> outputVersions,
      String otherRoot, String runId) {
    List<TableDiff> diffs = new ArrayList<>();
    for (Map.Entry<String, Long> e : outputVersions.entrySet()) {
      String table = e.getKey();
      if (table.equals(RunLog.TABLE.name())) {
        continue;
      }
      Dataset<Row> published = rowsOf(spark, DeltaVersions.at(LakehousePaths.table(publishedRoot, table), e.getValue()), runId);
      String otherPath = LakehousePaths.table(otherRoot, table);
      Dataset<Row> other = DeltaVersions.latestOrNone(spark, otherPath) < 0
          ? published.limit(0) : rowsOf(spark, otherPath, runId).select(published.columns()[0], restOf(published));
      Dataset<Row> a = comparable(published);
      Dataset<Row> b = comparable(other);
      diffs.add(new TableDiff(table, a.exceptAll(b).count(), b.exceptAll(a).count(), published.count()));
    }
    return diffs;
  }

  private static Dataset<Row> rowsOf(SparkSession spark, String location, String runId) {
    return spark.read().format("delta").load(location).where(col("run_id").equalTo(lit(runId)));
  }

  private static String[] restOf(Dataset<Row> rows) {
    String[] columns = rows.columns();
    String[] rest = new String[columns.length - 1];
    System.arraycopy(columns, 1, rest, 0, rest.length);
    return rest;
  }

  /** Set operations cannot compare maps (explanation_args): a map column is compared as its JSON text. */
  private static Dataset<Row> comparable(Dataset<Row> rows) {
    Dataset<Row> out = rows;
    for (org.apache.spark.sql.types.StructField f : rows.schema().fields()) {
      if (f.dataType() instanceof org.apache.spark.sql.types.MapType) {
        out = out.withColumn(f.name(), org.apache.spark.sql.functions.to_json(org.apache.spark.sql.functions.col(f.name())));
      }
    }
    return out;
  }
}
