package org.salescomp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.config.Settings;
import org.salescomp.io.SourceTable;
import org.salescomp.ops.FileFingerprint;
import org.salescomp.ops.RunRecord;
import org.salescomp.testing.SharedSpark;

/**
 * {@code rerun} refuses, with exit 2 and one line saying why, every run it cannot reproduce, before it
 * computes or writes anything. The run_log rows here are written by hand; the end-to-end rerun is in
 * ReproducibleRunsEndToEndTest.
 */
@Tag("slow")
class RerunCommandTest {
  @TempDir Path dir;
  private final SparkSession spark = SharedSpark.session();
  private Path conf;
  private Path lakehouse;
  private Path deals;
  private Path parquet;

  @BeforeEach
  void oneDeltaSourceAndElevenParquetSources() throws IOException {
    deals = dir.resolve("sources/deals");
    spark.range(2).write().format("delta").save(deals.toString());
    parquet = dir.resolve("sources/other");
    spark.range(2).write().parquet(parquet.toString());
    lakehouse = dir.resolve("lakehouse");
    StringBuilder hocon = new StringBuilder("salescomp.lakehouse.root = \"" + lakehouse + "\"\n");
    for (SourceTable table : SourceTable.values()) {
      boolean delta = table == SourceTable.DEALS;
      hocon.append("salescomp.sources.").append(table.tableName()).append(" { format = ")
          .append(delta ? "delta" : "parquet").append(", path = \"").append(delta ? deals : parquet).append("\" }\n");
    }
    conf = Files.writeString(dir.resolve("site.conf"), hocon);
  }

  private CliRun rerun(String... args) {
    List<String> all = new ArrayList<>(List.of("rerun", "--conf", "conf/local.conf", "--conf", conf.toString()));
    all.addAll(List.of(args));
    return CliRun.of(settings -> spark, all.toArray(String[]::new));
  }

  private Settings settings() {
    return Settings.load(List.of(Path.of("conf/local.conf"), conf));
  }

  /** The columns of run_log a rerun reads (a real run_log has more). */
  private static final StructType RUN_LOG = new StructType()
      .add("run_id", DataTypes.StringType).add("logical_date", DataTypes.DateType)
      .add("months_from", DataTypes.DateType).add("months_to", DataTypes.DateType)
      .add("status", DataTypes.StringType).add("config_hash", DataTypes.StringType);

  /** A run_log row of run "r1", January and February 2025, as a run with lineage records it. */
  private void recordRun(String configHash, Map<String, String> fingerprints) {
    StructType schema = RUN_LOG
        .add(RunRecord.INPUT_VERSIONS, DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType))
        .add(RunRecord.INPUT_FINGERPRINTS, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
        .add(RunRecord.OUTPUT_VERSIONS, DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType));
    Row row = RowFactory.create("r1", Date.valueOf("2025-02-28"), Date.valueOf("2025-01-01"), Date.valueOf("2025-02-01"),
        "succeeded", configHash, Map.of("deals", 0L), fingerprints, Map.of("payouts", 0L));
    spark.createDataFrame(List.of(row), schema).write().format("delta").save(lakehouse.resolve("run_log").toString());
  }

  private Map<String, String> currentFingerprints() {
    Map<String, String> fingerprints = new TreeMap<>();
    String now = FileFingerprint.of(spark, parquet.toString());
    for (SourceTable table : SourceTable.values()) {
      if (table != SourceTable.DEALS) {
        fingerprints.put(table.tableName(), now);
      }
    }
    return fingerprints;
  }

  @Test
  void anUnknownRunExits2() {
    recordRun(settings().configHash(), currentFingerprints());
    CliRun run = rerun("--run-id", "nope", "--into", dir.resolve("rerun").toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("no run nope in the run_log of").hasLineCount(1);
  }

  @Test
  void aParquetSourceWhoseFilesChangedCannotBeRerun() {
    Map<String, String> fingerprints = currentFingerprints();
    // the run read other files than the folder holds now
    fingerprints.put("reps", "0000");
    recordRun(settings().configHash(), fingerprints);

    CliRun run = rerun("--run-id", "r1", "--into", dir.resolve("rerun").toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("parquet source reps", "changed since run r1", "make it a delta source")
        .hasLineCount(1);
    assertThat(dir.resolve("rerun")).doesNotExist();
  }

  @Test
  void anotherConfigIsRefusedUnlessAskedFor() {
    recordRun("another-hash", currentFingerprints());
    CliRun run = rerun("--run-id", "r1", "--into", dir.resolve("rerun").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("ran with config hash another-hash", "--ignore-config-hash");
  }

  @Test
  void thePublishedLakehouseIsNeverTheTarget() {
    recordRun(settings().configHash(), currentFingerprints());
    CliRun run = rerun("--run-id", "r1", "--into", lakehouse + "/");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("is the published lakehouse");
  }

  @Test
  void aRunLogWithoutLineageSaysSo() {
    spark.createDataFrame(List.of(RowFactory.create("r0", Date.valueOf("2025-02-28"), Date.valueOf("2025-01-01"),
        Date.valueOf("2025-02-01"), "succeeded", "h")), RUN_LOG)
        .write().format("delta").save(lakehouse.resolve("run_log").toString());
    CliRun run = rerun("--run-id", "r0", "--into", dir.resolve("rerun").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("records no input_versions");
  }
}
