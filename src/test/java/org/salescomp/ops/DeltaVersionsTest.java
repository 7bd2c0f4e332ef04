package org.salescomp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.testing.SharedSpark;

@Tag("slow")
class DeltaVersionsTest {
  @TempDir Path dir;
  private final SparkSession spark = SharedSpark.session();

  @Test
  void aPinnedLocationReadsItsVersionAfterNewCommits() {
    String path = dir.resolve("deals").toString();
    spark.range(3).write().format("delta").save(path);
    spark.range(5).write().format("delta").mode("append").save(path);
    long captured = DeltaVersions.current(spark, path);
    String pinned = DeltaVersions.at(path, captured);

    // new data arrives after the capture
    spark.range(7).write().format("delta").mode("append").save(path);

    assertThat(captured).isEqualTo(1);
    assertThat(spark.read().format("delta").load(pinned).count()).isEqualTo(8);
    assertThat(spark.read().format("delta").load(path).count()).isEqualTo(15);
    // a pinned location reports its pin, so a run whose sources are already pinned records the same versions
    assertThat(DeltaVersions.current(spark, pinned)).isEqualTo(1);
    assertThat(DeltaVersions.at(pinned, 0)).isEqualTo(path + "@v0");
  }

  @Test
  void aFolderWithoutDeltaLogHasNoVersion() {
    assertThat(DeltaVersions.latestOrNone(spark, dir.resolve("nothing").toString())).isEqualTo(-1);
    assertThat(DeltaVersions.pinnedVersion("/data/deals")).isEmpty();
    assertThat(DeltaVersions.unpinned("/data/deals@v12")).isEqualTo("/data/deals");
  }
}
