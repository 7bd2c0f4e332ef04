package org.salescomp.ops;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.salescomp.io.LakehousePaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OPTIMIZE then VACUUM of every published table. OPTIMIZE compacts the small files nightly runs leave
 * (a run replaces a few months, each in a few files); VACUUM deletes the files no version younger than
 * the retention uses. Reading a table at an older version (a rerun's comparison, an audit, a restore)
 * needs that version's files, so the retention bounds how far back a published version can be read.
 * Both commit with the run id of the maintenance as {@code userMetadata}.
 */
public final class TableMaintenance {
  private static final Logger LOG = LoggerFactory.getLogger(TableMaintenance.class);
  private static final String USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";
  private static final String LISTING_PARALLELISM = "spark.sql.sources.parallelPartitionDiscovery.parallelism";

  private TableMaintenance() {}

  /** What maintenance did to one table. */
  public record Outcome(String table, long filesRemovedByOptimize, long filesAddedByOptimize, long filesVacuumed,
      long versionAfter) {}

  public static List<Outcome> run(SparkSession spark, String lakehouseRoot, int retentionHours, String runId) {
    List<Outcome> outcomes = new ArrayList<>();
    String listing = spark.conf().get(LISTING_PARALLELISM, null);
    spark.conf().set(USER_METADATA, runId);
    // VACUUM lists a table's files in this many tasks; Spark's default (10,000) is for tables of millions of
    // files and makes a published table's VACUUM take minutes on a few cores: one task per shuffle partition
    spark.conf().set(LISTING_PARALLELISM, spark.conf().get("spark.sql.shuffle.partitions"));
    try {
      for (String table : LakehousePaths.tables(spark, lakehouseRoot)) {
        outcomes.add(maintain(spark, LakehousePaths.table(lakehouseRoot, table), table, retentionHours));
      }
    } finally {
      spark.conf().unset(USER_METADATA);
      if (listing == null) {
        spark.conf().unset(LISTING_PARALLELISM);
      } else {
        spark.conf().set(LISTING_PARALLELISM, listing);
      }
    }
    return outcomes;
  }

  private static Outcome maintain(SparkSession spark, String path, String table, int retentionHours) {
    long start = System.nanoTime();
    DeltaTable delta = DeltaTable.forPath(spark, path);
    Row optimized = delta.optimize().executeCompaction().select("metrics.numFilesRemoved", "metrics.numFilesAdded").first();
    long vacuumed = vacuum(spark, delta, path, retentionHours);
    long version = DeltaVersions.latestOrNone(spark, path);
    Outcome outcome = new Outcome(table, optimized.getLong(0), optimized.getLong(1), vacuumed, version);
    LOG.info("maintained {}: optimize removed {} and added {} files, vacuum deleted {} files, now at version {}; {} s",
        table, outcome.filesRemovedByOptimize(), outcome.filesAddedByOptimize(), vacuumed, version,
        String.format("%.1f", (System.nanoTime() - start) / 1e9));
    return outcome;
  }

  /** VACUUM; the number of files it deleted, from the VACUUM END commit it writes. */
  private static long vacuum(SparkSession spark, DeltaTable delta, String path, int retentionHours) {
    long before = DeltaVersions.latestOrNone(spark, path);
    delta.vacuum(retentionHours);
    List<Row> ends = delta.history().where("version > " + before + " and operation = 'VACUUM END'")
        .select("operationMetrics").collectAsList();
    long deleted = 0;
    for (Row end : ends) {
      Map<String, String> metrics = end.getJavaMap(0);
      deleted += Long.parseLong(metrics.getOrDefault("numDeletedFiles", "0"));
    }
    return deleted;
  }
}
