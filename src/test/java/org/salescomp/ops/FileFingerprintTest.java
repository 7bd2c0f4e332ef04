package org.salescomp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.testing.SharedSpark;

@Tag("fast")
class FileFingerprintTest {
  @TempDir Path dir;
  private final SparkSession spark = SharedSpark.session();

  @Test
  void changesWhenAFileIsAddedOrTouchedButNotForFilesSparkSkips() throws IOException {
    Path deals = dir.resolve("deals");
    spark.range(10).repartition(2).write().parquet(deals.toString());
    String first = FileFingerprint.of(spark, deals.toString());

    assertThat(FileFingerprint.of(spark, deals.toString())).isEqualTo(first);
    // Spark skips _ and . files when it reads: a new marker or checksum file changes nothing
    Files.writeString(deals.resolve("_COMMITTED"), "x");
    Files.writeString(deals.resolve(".part.crc"), "x");
    assertThat(FileFingerprint.of(spark, deals.toString())).isEqualTo(first);

    spark.range(3).write().mode("append").parquet(deals.toString());
    String appended = FileFingerprint.of(spark, deals.toString());
    assertThat(appended).isNotEqualTo(first);

    Path someFile;
    try (var files = Files.list(deals)) {
      someFile = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    Files.setLastModifiedTime(someFile, FileTime.fromMillis(0));
    assertThat(FileFingerprint.of(spark, deals.toString())).isNotEqualTo(appended);
  }

  @Test
  void aSingleCsvFileHasAFingerprint() throws IOException {
    Path csv = Files.writeString(dir.resolve("reps.csv"), "rep_id\nR1\n");
    String before = FileFingerprint.of(spark, csv.toString());
    Files.writeString(csv, "rep_id\nR1\nR2\n");
    assertThat(FileFingerprint.of(spark, csv.toString())).isNotEqualTo(before);
  }
}
