package org.salescomp.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.testing.SharedSpark;

/** A table created by a session with the defaults carries the change data feed and the rerun window's retention. */
class DeltaTableDefaultsTest {
  @TempDir Path dir;

  @Test
  void aNewTableGetsTheChangeDataFeedAndTheRetentionOfTheRerunWindow() {
    SparkSession spark = SharedSpark.session();
    Map<String, String> conf = DeltaTableDefaults.sessionConf(720);
    conf.forEach(spark.conf()::set);
    try {
      String path = dir.resolve("t").toString();
      spark.range(3).toDF("id").write().format("delta").save(path);

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
