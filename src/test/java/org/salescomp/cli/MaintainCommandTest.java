package org.salescomp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.testing.SharedSpark;

@Tag("slow")
class MaintainCommandTest {
  @TempDir Path dir;
  private final SparkSession spark = SharedSpark.session();

  @Test
  void compactsEveryTableAndVacuumsOnlyFilesOlderThanTheRetention() throws IOException {
    Path lakehouse = dir.resolve("lakehouse");
    String payouts = lakehouse.resolve("payouts").toString();
    // five nightly commits of small files, the last replacing everything
    for (int i = 0; i < 4; i++) {
      spark.range(i * 10, i * 10 + 10).repartition(2).write().format("delta").mode("append").save(payouts);
    }
    spark.range(100, 110).repartition(3).write().format("delta").mode("overwrite").save(payouts);
    spark.range(3).write().format("delta").save(lakehouse.resolve("run_log").toString());
    // a file left by a write that died 40 days ago: no version uses it
    Path stray = Files.writeString(lakehouse.resolve("payouts").resolve("part-99999-dead.snappy.parquet"), "x");
    Files.setLastModifiedTime(stray, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
    Path conf = Files.writeString(dir.resolve("lakehouse.conf"), "salescomp.lakehouse.root = \"" + lakehouse + "\"\n"
        + "salescomp.maintenance.vacuum-retention-hours = 168\n");

    CliRun run = CliRun.of(settings -> spark, "maintain", "--run-id", "maintain-1", "--conf", "conf/local.conf",
        "--conf", conf.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("maintain maintain-1 succeeded: 2 tables", "vacuum retention 168 hours")
        .containsPattern("payouts +compacted 3 files into 1, vacuumed 1 files");
    assertThat(stray).doesNotExist();
    DeltaTable table = DeltaTable.forPath(spark, payouts);
    assertThat(table.detail().select("numFiles").first().getLong(0)).isEqualTo(1);
    assertThat(table.toDF().count()).isEqualTo(10);
    // the versions of the last 168 hours keep their files: the first commit still reads
    assertThat(spark.read().format("delta").option("versionAsOf", 0).load(payouts).count()).isEqualTo(10);
    assertThat(table.history(1).select("userMetadata").first().getString(0)).isEqualTo("maintain-1");
  }

  @Test
  void aRetentionBelowDeltasSafetyFloorIsAConfigError() throws IOException {
    Path conf = Files.writeString(dir.resolve("short.conf"), "salescomp.maintenance.vacuum-retention-hours = 24\n");
    CliRun run = CliRun.of(new NoSpark(), "maintain", "--conf", "conf/local.conf", "--conf", conf.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("salescomp.maintenance.vacuum-retention-hours", "at least 168");
  }
}
