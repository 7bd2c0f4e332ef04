package org.salescomp.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.exceptions.ConcurrentAppendException;
import io.delta.tables.DeltaMergeBuilder;
import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.salescomp.domain.RunScope;
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
   * Publishes a run's rows of a declared table: keeps the rows the run owns, stamps them with the run
   * id, checks them against the declared schema (names and types, in order; the columns get their
   * comments), sorts them for deterministic files and replaces the owned rows in one commit.
   *
   * @param rows the table's columns, {@code run_id} optional (it is set to this run's)
   * @return the commit, or none when Delta made no commit (nothing to replace, nothing to add)
   */
  public Optional<Commit> publish(PublishedTable table, Dataset<Row> rows, RunScope scope) {
    RowFilter owned = table.owned(scope, runId);
    Dataset<Row> shaped = conform(table, rows.withColumn(PublishedTable.RUN_ID, lit(runId))).where(owned.column());
    shaped = table.partitionColumns().isEmpty() ? shaped.repartition(1)
        : shaped.repartition(table.partitionColumns().stream().map(c -> col(c)).toArray(Column[]::new));
    shaped = shaped.sortWithinPartitions(table.sortOrder().stream().map(c -> col(c)).toArray(Column[]::new));
    DeltaTableSetup.ensure(spark, pathOf(table.name()), table);
    return replace(table.name(), shaped, owned.sql(), table.partitionColumns().toArray(String[]::new));
  }

  /**
   * The rows with exactly the declared columns, in order, each with its comment. A column missing, extra
   * or of another type is a defect of the table's computation: it stops the run before anything is written.
   */
  static Dataset<Row> conform(PublishedTable table, Dataset<Row> rows) {
    List<String> actual = Arrays.asList(rows.columns());
    List<Column> columns = new ArrayList<>();
    for (StructField declared : table.schema().fields()) {
      if (!actual.contains(declared.name())) {
        throw new IllegalStateException(table.name() + " computes no column " + declared.name() + "; it has " + actual);
      }
      StructField computed = rows.schema().apply(declared.name());
      if (!computed.dataType().sameType(declared.dataType())) {
        throw new IllegalStateException(table.name() + "." + declared.name() + " is computed as "
            + computed.dataType().simpleString() + " but declared " + declared.dataType().simpleString());
      }
      columns.add(col(declared.name()).as(declared.name(), declared.metadata()));
    }
    if (actual.size() != columns.size()) {
      List<String> extra = new ArrayList<>(actual);
      extra.removeAll(table.columns());
      throw new IllegalStateException(table.name() + " computes undeclared columns " + extra);
    }
    return rows.select(columns.toArray(Column[]::new));
  }

  /**
   * A commit of this run: the table's version it created and the rows it wrote (the run's own rows;
   * rows Delta copied from rewritten files are not counted).
   */
  public record Commit(long version, long rows) {}

  /**
   * Replaces the rows matching {@code ownedRows} (a SQL predicate over partition columns) with
   * {@code rows}, which must all match it; Delta checks that.
   *
   * @return the commit, or none when Delta made none
   */
  public Optional<Commit> replace(String table, Dataset<Row> rows, String ownedRows, String... partitionColumns) {
    long start = System.nanoTime();
    long before = version(table);
    DataFrameWriter<Row> writer = rows.write().format("delta")
        // a release may add columns (commission_lines.for_month): existing tables gain them, nulls in old rows
        .option("mergeSchema", "true")
        .option("userMetadata", runId)
        .partitionBy(partitionColumns);
    replaceWhere(writer, pathOf(table), ownedRows);
    Optional<Commit> commit = commitSince(table, before);
    LOG.info("published {}: {} in {} s", table, commit.map(c -> c.rows() + " rows, version " + c.version())
        .orElse("no commit"), String.format("%.1f", (System.nanoTime() - start) / 1e9));
    return commit;
  }

  /**
   * This run's latest commit to the table after version {@code before}, from Delta's log: its
   * operation metrics give the rows written (numOutputRows less numCopiedRows, the unowned rows of
   * files a replaceWhere rewrote).
   */
  private Optional<Commit> commitSince(String table, long before) {
    return DeltaLogs.lastCommitBy(spark, pathOf(table), before, runId).map(commit -> {
      Map<String, String> metrics = commit.metrics();
      long output = metrics == null ? -1 : Long.parseLong(metrics.getOrDefault("numOutputRows", "0"));
      long copied = metrics == null ? 0 : Long.parseLong(metrics.getOrDefault("numCopiedRows", "0"));
      return new Commit(commit.version(), output < 0 ? -1 : output - copied);
    });
  }

  /**
   * Inserts or replaces the rows whose key columns match (a small table such as run_log), in one commit:
   * the rows with the keys of {@code rows} are replaced ({@code replaceWhere} on those keys), which is
   * what a MERGE on the keys does, at the cost of one write instead of a MERGE's several queries.
   *
   * @param rows a handful of rows, built in the driver (their keys are read back to name the replaced rows)
   */
  public void upsert(PublishedTable table, Dataset<Row> rows) {
    DeltaTableSetup.ensure(spark, pathOf(table.name()), table);
    Dataset<Row> conformed = conform(table, rows);
    RowFilter replaced = null;
    for (Row key : conformed.select(table.keyColumns().stream().map(c -> col(c)).toArray(Column[]::new))
        .distinct().collectAsList()) {
      RowFilter one = null;
      for (int i = 0; i < key.size(); i++) {
        RowFilter column = RowFilter.equalTo(table.keyColumns().get(i), key.getString(i));
        one = one == null ? column : one.and(column);
      }
      replaced = replaced == null ? one : replaced.or(one);
    }
    if (replaced == null) {
      return;
    }
    replaceWhere(conformed.write().format("delta")
        .option("mergeSchema", "true")
        .option("userMetadata", runId), pathOf(table.name()), replaced.sql());
  }

  /**
   * One commit that replaces the table's rows matching {@code predicate} with the writer's rows. A table
   * that holds no rows has none to replace: there an append writes the same files and commit, without
   * the Spark job in which Delta replays the table's log to find the files a replace removes (on a
   * first run, every table). An append does not conflict with another writer's commit as a replace
   * does, so a commit by anyone else after the empty version fails the run as that conflict would.
   */
  private void replaceWhere(DataFrameWriter<Row> writer, String path, String predicate) {
    OptionalLong empty = DeltaLogs.versionIfEmpty(spark, path);
    if (empty.isEmpty()) {
      writer.mode("overwrite").option("replaceWhere", predicate).save(path);
      return;
    }
    writer.mode("append").save(path);
    requireNoOtherCommit(path, empty.getAsLong(), DeltaLogs.version(spark, path));
  }

  /** After an append to the table empty at version {@code empty}: at most that append's commit followed it. */
  static void requireNoOtherCommit(String path, long empty, long latest) {
    if (latest > empty + 1) {
      throw new ConcurrentAppendException(path + " was empty at version " + empty + " and is at version " + latest
          + " after this run appended to it: another writer committed to it at the same time");
    }
  }

  /** Inserts or replaces the rows of {@code rows} whose key columns match (a small log table). */
  public void upsert(String table, Dataset<Row> rows, String... keyColumns) {
    merge(table, rows, true, keyColumns);
  }

  /**
   * Appends the rows of {@code rows} whose {@code keyColumn} is not in the table yet, in one commit; rows
   * already there never change (a ledger such as period_close).
   */
  public void insertNew(String table, Dataset<Row> rows, String keyColumn) {
    merge(table, rows, false, keyColumn);
  }

  /** One MERGE commit on the key columns (the first write creates the table); matched rows are replaced or kept. */
  private void merge(String table, Dataset<Row> rows, boolean replaceMatched, String... keyColumns) {
    String path = pathOf(table);
    if (!DeltaTable.isDeltaTable(spark, path)) {
      rows.write().format("delta").option("userMetadata", runId).save(path);
      return;
    }
    String matches = String.join(" AND ", Arrays.stream(keyColumns).map(k -> "t." + k + " = s." + k).toList());
    spark.conf().set("spark.databricks.delta.commitInfo.userMetadata", runId);
    try {
      // a newer release may add columns to a small log table
      DeltaMergeBuilder merge = DeltaTable.forPath(spark, path).as("t").merge(rows.as("s"), matches)
          .withSchemaEvolution();
      if (replaceMatched) {
        merge = merge.whenMatched().updateAll();
      }
      merge.whenNotMatched().insertAll().execute();
    } finally {
      spark.conf().unset("spark.databricks.delta.commitInfo.userMetadata");
    }
  }

  /** The current version of a published table, or -1 when it does not exist yet. */
  public long version(String table) {
    return DeltaLogs.version(spark, pathOf(table));
  }
}
