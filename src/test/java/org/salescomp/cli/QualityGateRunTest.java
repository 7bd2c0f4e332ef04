package org.salescomp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.config.Settings;
import org.salescomp.generate.DirtyDataInjector;
import org.salescomp.io.SourceReader;
import org.salescomp.io.SourceTable;
import org.salescomp.ops.DeltaVersions;
import org.salescomp.testing.GeneratedSample;
import org.salescomp.testing.SharedSpark;

/**
 * The gate inside the nightly job, through the command line, on {@code generate --dirty 0.02} data
 * (CSV, so every reason code occurs): the published {@code quarantine} is the generator's manifest,
 * run_log reconciles every source, the good rows beside the bad ones are paid; and a run above the
 * quality threshold exits 3 without a new version of any published table.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("slow")
class QualityGateRunTest {
  static final String RUN_ID = "dirty_run";
  @TempDir static Path dir;
  static Path clean;
  static Path dirty;
  static Path lakehouseConf;
  static SparkSession spark;

  @BeforeAll
  static void generateCleanAndDirty() throws IOException {
    spark = SharedSpark.session();
    clean = GeneratedSample.csvFolder();
    dirty = dir.resolve("dirty");
    CliRun generated = CliRun.of(settings -> spark, "generate", "--out", dirty.toString(), "--seed", "42",
        "--scale", "0.05", "--start", "2025-01", "--months", "6", "--format", "csv", "--dirty", "0.02");
    assertThat(generated.exitCode()).as(generated.err()).isZero();
    lakehouseConf = Files.writeString(dir.resolve("lakehouse.conf"),
        "salescomp.lakehouse.root = \"" + dir.resolve("lakehouse") + "\"\n");
  }

  @Test
  @Order(1)
  void aDirtyRunQuarantinesExactlyTheManifestAndPaysTheGoodRows() throws IOException {
    CliRun run = run(lakehouseConf);
    assertThat(run.exitCode()).as(run.err()).isZero();

    List<String> quarantined = table("quarantine").where("run_id = '" + RUN_ID + "'")
        .selectExpr("concat(source, ',', case when row_key like '%,%' then concat('\"', row_key, '\"') "
            + "else row_key end, ',', reason)")
        .as(Encoders.STRING()).collectAsList().stream().sorted().toList();
    List<String> manifest = Files.readAllLines(dirty.resolve(DirtyDataInjector.MANIFEST)).stream().skip(1)
        .sorted().toList();
    assertThat(manifest).hasSizeGreaterThan(20);
    assertThat(quarantined).isEqualTo(manifest);

    // run_log: read = accepted + quarantined + deferred, and the quarantined counts are the manifest's
    Row log = table("run_log").where("run_id = '" + RUN_ID + "'").first();
    Map<String, Long> quarantinedBySource = new TreeMap<>();
    for (Row count : log.<Row>getList(log.fieldIndex("source_counts"))) {
      long read = count.getLong(1);
      assertThat(read).as(count.getString(0)).isEqualTo(count.getLong(2) + count.getLong(3) + count.getLong(4));
      if (count.getLong(3) > 0) {
        quarantinedBySource.put(count.getString(0), count.getLong(3));
      }
    }
    assertThat(quarantinedBySource).isEqualTo(manifest.stream()
        .collect(Collectors.groupingBy(line -> line.substring(0, line.indexOf(',')), TreeMap::new,
            Collectors.counting())));

    // every clean deal of the months is paid: the dirty rows took nothing with them
    Settings cleanSources = Settings.load(List.of(clean.resolve("sources.conf")));
    List<String> cleanDeals = SourceReader.read(spark, SourceTable.DEALS, cleanSources.source(SourceTable.DEALS))
        .where("close_date <= '2025-06-30'").select("deal_id").distinct()
        .as(Encoders.STRING()).collectAsList().stream().sorted().toList();
    List<String> paidDeals = table("commission_lines").where("line_type = 'commission'").select("deal_id").distinct()
        .as(Encoders.STRING()).collectAsList().stream().sorted().toList();
    assertThat(paidDeals).hasSizeGreaterThan(100).isEqualTo(cleanDeals);
  }

  @Test
  @Order(2)
  void aboveTheThresholdTheRunExits3AndNoPublishedTableChanges() throws IOException {
    Map<String, Long> before = versions();
    Path strict = Files.writeString(dir.resolve("strict.conf"), "salescomp.quality.max-bad-share = 0.001\n");

    CliRun run = run(lakehouseConf, strict);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.DATA_QUALITY);
    assertThat(run.err()).contains("quality threshold", "deals:", "rows quarantined", "max 0.10%", "e.g. deal_id=");
    assertThat(before).containsKeys("payouts", "commission_lines", "quarantine", "run_log");
    assertThat(versions()).isEqualTo(before);
  }

  private static CliRun run(Path... overlays) {
    Stream<String> confs = Stream.concat(Stream.of(Path.of("conf/local.conf"), dirty.resolve("sources.conf")), Stream.of(overlays))
        .flatMap(p -> Stream.of("--conf", p.toString()));
    String[] args = Stream.concat(Stream.of("run", "--from", "2025-01", "--to", "2025-06", "--run-id", RUN_ID),
        confs).toArray(String[]::new);
    return CliRun.of(settings -> spark, args);
  }

  private static org.apache.spark.sql.Dataset<Row> table(String name) {
    return spark.read().format("delta").load(dir.resolve("lakehouse").resolve(name).toString());
  }

  /** The latest Delta version of every table in the lakehouse. */
  private static Map<String, Long> versions() throws IOException {
    Map<String, Long> versions = new TreeMap<>();
    try (Stream<Path> tables = Files.list(dir.resolve("lakehouse"))) {
      for (Path table : tables.filter(Files::isDirectory).toList()) {
        versions.put(table.getFileName().toString(), DeltaVersions.latestOrNone(spark, table.toString()));
      }
    }
    return versions;
  }
}
