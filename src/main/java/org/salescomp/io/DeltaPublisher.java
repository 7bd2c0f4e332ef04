package org.salescomp.io;

import io.delta.tables.DeltaTable;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes published tables. A run replaces exactly the periods it owns in one Delta commit
 * ({@code replaceWhere}), so rerunning the same dates leaves the same contents and readers see the
 * old or the new periods, never a mix. Every commit carries the run id as {@code userMetadata}.
 */
public final class DeltaPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(DeltaPublisher.class);
  private final SparkSession spark;
  private final String root;
  private final String runId;

  public DeltaPublisher(SparkSession spark, String root, String runId) {
    this.spark = spark;
    this.root = root;
    this.runId = runId;
  }

  public String pathOf(String table) {
    return LakehousePaths.table(root, table);
  }

  /**
   * Replaces the rows matching {@code ownedRows} (a SQL predicate over partition columns) with
   * {@code rows}, which must all match it; Delta checks that.
   */
  public long replace(String table, Dataset<Row> rows, String ownedRows, String... partitionColumns) {
    long start = System.nanoTime();
    rows.write().format("delta")
        .mode("overwrite")
        .option("replaceWhere", ownedRows)
        // a release may add columns (commission_lines.for_month): existing tables gain them, nulls in old rows
        .option("mergeSchema", "true")
        .option("userMetadata", runId)
        .partitionBy(partitionColumns)
        .save(pathOf(table));
    long written = lastCommitOutputRows(table);
    LOG.info("published {}: {} rows in {} s", table, written, String.format("%.1f", (System.nanoTime() - start) / 1e9));
    return written;
  }

  /** Inserts or replaces the rows of {@code rows} whose {@code keyColumn} matches (a small table such as run_log). */
  public void upsert(String table, Dataset<Row> rows, String keyColumn) {
    String path = pathOf(table);
    if (!DeltaTable.isDeltaTable(spark, path)) {
      rows.write().format("delta").option("userMetadata", runId).save(path);
      return;
    }
    spark.conf().set("spark.databricks.delta.commitInfo.userMetadata", runId);
    try {
      DeltaTable.forPath(spark, path).as("t")
          .merge(rows.as("s"), "t." + keyColumn + " = s." + keyColumn)
          .withSchemaEvolution() // a newer release may add columns to a small log table
          .whenMatched().updateAll()
          .whenNotMatched().insertAll()
          .execute();
    } finally {
      spark.conf().unset("spark.databricks.delta.commitInfo.userMetadata");
    }
  }

  /**
   * Appends the rows of {@code rows} whose {@code keyColumn} is not in the table yet, in one commit; rows
   * already there never change (a ledger such as period_close).
   */
  public void insertNew(String table, Dataset<Row> rows, String keyColumn) {
    String path = pathOf(table);
    if (!DeltaTable.isDeltaTable(spark, path)) {
      rows.write().format("delta").option("userMetadata", runId).save(path);
      return;
    }
    spark.conf().set("spark.databricks.delta.commitInfo.userMetadata", runId);
    try {
      DeltaTable.forPath(spark, path).as("t")
          .merge(rows.as("s"), "t." + keyColumn + " = s." + keyColumn)
          .whenNotMatched().insertAll()
          .execute();
    } finally {
      spark.conf().unset("spark.databricks.delta.commitInfo.userMetadata");
    }
  }

  /** Rows written by the table's latest commit, from Delta's own operation metrics (no recount). */
  private long lastCommitOutputRows(String table) {
    Row last = DeltaTable.forPath(spark, pathOf(table)).history(1).select("operationMetrics").first();
    Map<String, String> metrics = last.getJavaMap(0);
    if (metrics == null) {
      return -1;
    }
    // a write of no rows adds no files and reports no numOutputRows
    String rows = metrics.getOrDefault("numOutputRows", "0".equals(metrics.get("numFiles")) ? "0" : "-1");
    return Long.parseLong(rows);
  }

  /** The current version of a published table, or -1 when it does not exist yet. */
  public long version(String table) {
    String path = pathOf(table);
    if (!DeltaTable.isDeltaTable(spark, path)) {
      return -1;
    }
    return DeltaTable.forPath(spark, path).history(1).select("version").first().getLong(0);
  }
}
