package org.salescomp.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaConcurrentModificationException;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.testing.SharedSpark;

/**
 * The transaction log read directly: versions, a run's commit and its rows written, properties; and the
 * keyed upsert of a small table, one replaceWhere commit that replaces exactly the rows of its keys; a
 * table without rows appended to instead.
 */
@Tag("slow")
class DeltaLogsTest {
  @TempDir Path dir;

  @Test
  void versionsAndARunsLastCommitComeFromTheLog() {
    SparkSession spark = SharedSpark.session();
    String path = dir.resolve("t").toString();
    assertThat(DeltaLogs.version(spark, path)).isEqualTo(-1);

    new DeltaPublisher(spark, dir.toString(), "r1").replace("t", spark.range(5).toDF("id").coalesce(1), "id < 10");
    new DeltaPublisher(spark, dir.toString(), "r2").replace("t", spark.range(3).toDF("id"), "id < 3");

    assertThat(DeltaLogs.version(spark, path)).isEqualTo(1);
    DeltaLogs.Commit first = DeltaLogs.lastCommitBy(spark, path, -1, "r1").orElseThrow();
    assertThat(first.version()).isEqualTo(0);
    assertThat(first.metrics()).containsEntry("numOutputRows", "5");
    // r2 replaced ids 0, 1, 2 in the one file r1 wrote: 3 rows of its own, 3 and 4 copied
    DeltaLogs.Commit second = DeltaLogs.lastCommitBy(spark, path, 0, "r2").orElseThrow();
    assertThat(second.version()).isEqualTo(1);
    assertThat(second.metrics()).containsEntry("numOutputRows", "5").containsEntry("numCopiedRows", "2");
    assertThat(DeltaLogs.lastCommitBy(spark, path, 0, "r1")).isEmpty();
    assertThat(DeltaLogs.lastCommitBy(spark, path, 1, "r2")).isEmpty();
  }

  @Test
  void aTableWithoutRowsIsAppendedToAndAReplaceFollowsOnceItHasRows() {
    SparkSession spark = SharedSpark.session();
    String path = dir.resolve("t").toString();
    assertThat(DeltaLogs.versionIfEmpty(spark, path)).isEmpty();
    DeltaTable.create(spark).location(path).addColumn("id", DataTypes.LongType).execute();
    assertThat(DeltaLogs.versionIfEmpty(spark, path)).hasValue(0);

    DeltaPublisher first = new DeltaPublisher(spark, dir.toString(), "r1");
    assertThat(first.replace("t", spark.range(0).toDF("id"), "id < 10")).isEmpty();
    assertThat(first.replace("t", spark.range(5).toDF("id").coalesce(1), "id < 10"))
        .contains(new DeltaPublisher.Commit(1, 5));
    assertThat(DeltaLogs.versionIfEmpty(spark, path)).isEmpty();
    assertThat(new DeltaPublisher(spark, dir.toString(), "r2").replace("t", spark.range(3).toDF("id"), "id < 3"))
        .contains(new DeltaPublisher.Commit(2, 3));

    List<Row> modes = DeltaTable.forPath(spark, path).history().orderBy("version")
        .selectExpr("operation", "operationParameters.mode").collectAsList();
    assertThat(modes.toString()).isEqualTo("[[CREATE TABLE,null], [WRITE,Append], [WRITE,Overwrite]]");
    assertThat(spark.read().format("delta").load(path).orderBy("id").collectAsList().toString())
        .isEqualTo("[[0], [1], [2], [3], [4]]");
  }

  @Test
  void anAppendToAnEmptyTableFailsAsAConflictWhenAnotherCommitCameBetween() {
    DeltaPublisher.requireNoOtherCommit("t", 0, 0);
    DeltaPublisher.requireNoOtherCommit("t", 0, 1);
    assertThatThrownBy(() -> DeltaPublisher.requireNoOtherCommit("t", 0, 2))
        .isInstanceOf(DeltaConcurrentModificationException.class)
        .hasMessage("t was empty at version 0 and is at version 2 after this run appended to it: another writer"
            + " committed to it at the same time");
  }

  @Test
  void aKeyedUpsertReplacesTheRowsOfItsKeysAndKeepsTheOthers() {
    SparkSession spark = SharedSpark.session();
    StructType schema = PublishedTable.columnsOf()
        .add("run_id", DataTypes.StringType, "the key")
        .add("status", DataTypes.StringType, "a value").build();
    PublishedTable log = new PublishedTable("log", "a small keyed table", schema, List.of(), List.of("run_id"),
        List.of("run_id"), PublishedTable.OwnedRows.ofRun(), false);
    DeltaPublisher publisher = new DeltaPublisher(spark, dir.toString(), "r1");

    publisher.upsert(log, spark.createDataFrame(List.of(RowFactory.create("r1", "running"),
        RowFactory.create("it's", "running")), schema));
    publisher.upsert(log, spark.createDataFrame(List.of(RowFactory.create("r1", "succeeded")), schema));
    publisher.upsert(log, spark.createDataFrame(List.of(RowFactory.create("r2", "running")), schema));

    List<Row> rows = spark.read().format("delta").load(publisher.pathOf("log")).orderBy("run_id").collectAsList();
    assertThat(rows.toString()).isEqualTo("[[it's,running], [r1,succeeded], [r2,running]]");
    assertThat(DeltaLogs.version(spark, publisher.pathOf("log"))).isEqualTo(3);
  }
}
