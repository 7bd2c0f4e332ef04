package org.salescomp.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.testing.SharedSpark;

/**
 * A table created by a session with the defaults carries the change data feed and the rerun window's
 * retention, and the publisher's replace and merge work on it.
 */
@Tag("slow")
class DeltaTableDefaultsTest {
  @TempDir Path dir;

  @Test
  void aNewTableGetsTheChangeDataFeedAndTheRetentionOfTheRerunWindow() {
    SparkSession spark = SharedSpark.session();
    Map<String, String> conf = DeltaTableDefaults.sessionConf(720);
    conf.forEach(spark.conf()::set);
    try {
      // created and then rewritten the way a run publishes: replaceWhere of owned rows, and a merge
      DeltaPublisher publisher = new DeltaPublisher(spark, dir.toString(), "r1");
      publisher.replace("t", spark.range(3).toDF("id"), "id < 3");
      publisher.replace("t", spark.range(2).toDF("id"), "id < 3");
      publisher.upsert("t", spark.range(1, 5).toDF("id"), "id");
      String path = dir.resolve("t").toString();
      // 0, 1 replaced with themselves, 2 removed by the second replace; the merge of 1..4 matches 1 and
      // inserts 2, 3, 4 again
      assertThat(spark.read().format("delta").load(path).orderBy("id").collectAsList().toString())
          .isEqualTo("[[0], [1], [2], [3], [4]]");
      // the change data feed of version 1 (the second replace): the owned rows 0, 1, 2 deleted, 0 and 1 inserted
      assertThat(spark.read().format("delta").option("readChangeFeed", "true").option("startingVersion", 1)
          .option("endingVersion", 1).load(path).orderBy("_change_type", "id").selectExpr("_change_type", "id")
          .collectAsList().toString()).isEqualTo("[[delete,0], [delete,1], [delete,2], [insert,0], [insert,1]]");

      List<Row> detail = DeltaTable.forPath(spark, path).detail().select("properties").collectAsList();
      Map<String, String> properties = detail.get(0).getJavaMap(0);
      assertThat(properties).containsEntry("delta.enableChangeDataFeed", "true")
          .containsEntry("delta.logRetentionDuration", "interval 720 hours")
          .containsEntry("delta.deletedFileRetentionDuration", "interval 720 hours");
    } finally {
      conf.keySet().forEach(spark.conf()::unset);
    }
  }
}
