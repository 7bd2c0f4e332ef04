package org.salescomp.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Which settings the session sets over what spark-submit and spark-defaults.conf gave the driver. */
@Tag("fast")
class SparkSessionsTest {
  @Test
  void withoutSparkSubmitSalescompSetsItsSettings() {
    Map<String, String> settings = SparkSessions.settings(new SparkConf(false), "salescomp", "", 16, false,
        Map.of("spark.executor.memory", "4g"));

    assertThat(settings).containsEntry("spark.master", "local[*]")
        .containsEntry("spark.app.name", "salescomp")
        .containsEntry("spark.sql.shuffle.partitions", "16")
        .containsEntry("spark.ui.enabled", "false")
        .containsEntry("spark.sql.catalogImplementation", "in-memory")
        .containsEntry("spark.sql.adaptive.autoBroadcastJoinThreshold", "32m")
        .containsEntry("spark.sql.constraintPropagation.enabled", "false")
        .containsEntry("spark.scheduler.mode", "FAIR")
        .containsEntry("spark.sql.codegen.cache.maxEntries", "4096")
        .containsEntry("spark.sql.ui.explainMode", "simple")
        .containsEntry("spark.executor.memory", "4g")
        .containsEntry("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .containsEntry("spark.sql.session.timeZone", "UTC");
  }

  @Test
  void whatSparkSubmitOrSparkDefaultsSetWins() {
    SparkConf submitted = new SparkConf(false)
        .set("spark.master", "yarn")
        .set("spark.app.name", "comp-nightly")
        .set("spark.sql.shuffle.partitions", "400")
        .set("spark.ui.enabled", "true")
        .set("spark.sql.catalogImplementation", "hive")
        .set("spark.sql.adaptive.autoBroadcastJoinThreshold", "10m")
        .set("spark.executor.memory", "8g")
        .set("spark.sql.codegen.cache.maxEntries", "100")
        .set("spark.sql.extensions", "com.example.Audit")
        .set("spark.sql.adaptive.enabled", "false");

    Map<String, String> settings = SparkSessions.settings(submitted, "salescomp", "local[2]", 16, false,
        Map.of("spark.executor.memory", "4g"));

    assertThat(settings).doesNotContainKeys("spark.master", "spark.app.name", "spark.sql.shuffle.partitions",
        "spark.ui.enabled", "spark.sql.catalogImplementation", "spark.sql.adaptive.autoBroadcastJoinThreshold",
        "spark.executor.memory", "spark.sql.codegen.cache.maxEntries");
    // required for correct results: Delta added to the cluster's extensions, UTC, adaptive execution
    assertThat(settings).containsEntry("spark.sql.extensions", "com.example.Audit,io.delta.sql.DeltaSparkSessionExtension")
        .containsEntry("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .containsEntry("spark.sql.session.timeZone", "UTC")
        .containsEntry("spark.sql.adaptive.enabled", "true");
  }

  @Test
  void plansAreRenderedInFullOnlyWhereAUiOrAnEventLogShowsThem() {
    assertThat(SparkSessions.settings(new SparkConf(false), "salescomp", "", 16, true, Map.of()))
        .doesNotContainKey("spark.sql.ui.explainMode");
    assertThat(SparkSessions.settings(new SparkConf(false).set("spark.ui.enabled", "true"), "salescomp", "", 16,
        false, Map.of())).doesNotContainKey("spark.sql.ui.explainMode");
    assertThat(SparkSessions.settings(new SparkConf(false).set("spark.eventLog.enabled", "true"), "salescomp", "", 16,
        false, Map.of())).doesNotContainKey("spark.sql.ui.explainMode");
    assertThat(SparkSessions.settings(new SparkConf(false), "salescomp", "", 16, false,
        Map.of("spark.eventLog.enabled", "true"))).doesNotContainKey("spark.sql.ui.explainMode");
    assertThat(SparkSessions.settings(new SparkConf(false), "salescomp", "", 16, false,
        Map.of("spark.ui.enabled", "true"))).doesNotContainKey("spark.sql.ui.explainMode");
    // what spark-submit says wins over salescomp.spark.conf
    assertThat(SparkSessions.settings(new SparkConf(false).set("spark.ui.enabled", "false"), "salescomp", "", 16, true,
        Map.of("spark.ui.enabled", "true"))).containsEntry("spark.sql.ui.explainMode", "simple");
  }

  @Test
  void theConfiguredMasterIsUsedWhenSparkSubmitNamesNone() {
    assertThat(SparkSessions.settings(new SparkConf(false), "salescomp", "local[2]", 16, false, Map.of()))
        .containsEntry("spark.master", "local[2]");
    SparkConf delta = new SparkConf(false).set("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    assertThat(SparkSessions.settings(delta, "salescomp", "", 16, false, Map.of()))
        .containsEntry("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
  }

  @Test
  void inLocalModeTheLocalFileSystemAnswersWithoutStartingProcesses() {
    String fileSystem = "spark.hadoop.fs.file.impl";
    String fileContext = "spark.hadoop.fs.AbstractFileSystem.file.impl";
    assertThat(SparkSessions.settings(new SparkConf(false), "salescomp", "local[2]", 16, false, Map.of()))
        .containsEntry(fileSystem, "org.salescomp.io.NioLocalFileSystem")
        .containsEntry(fileContext, "org.salescomp.io.NioLocalFs");
    // a cluster keeps Hadoop's, whether spark-submit or the config names it
    assertThat(SparkSessions.settings(new SparkConf(false).set("spark.master", "spark://host:7077"), "salescomp",
        "local[2]", 16, false, Map.of())).doesNotContainKeys(fileSystem, fileContext);
    assertThat(SparkSessions.settings(new SparkConf(false), "salescomp", "yarn", 16, false, Map.of()))
        .doesNotContainKeys(fileSystem, fileContext);
    // a choice in salescomp.spark.conf or spark-submit is kept
    assertThat(SparkSessions.settings(new SparkConf(false), "salescomp", "local[2]", 16, false,
        Map.of(fileSystem, "org.apache.hadoop.fs.LocalFileSystem")))
        .containsEntry(fileSystem, "org.apache.hadoop.fs.LocalFileSystem")
        .containsEntry(fileContext, "org.salescomp.io.NioLocalFs");
    assertThat(SparkSessions.settings(new SparkConf(false).set(fileContext, "org.apache.hadoop.fs.local.LocalFs"),
        "salescomp", "local[2]", 16, false, Map.of())).doesNotContainKey(fileContext)
        .containsEntry(fileSystem, "org.salescomp.io.NioLocalFileSystem");
  }
}
