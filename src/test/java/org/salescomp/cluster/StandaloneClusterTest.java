package org.salescomp.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.config.Settings;
import org.salescomp.domain.RunScope;
import org.salescomp.generate.DemoDataGenerator;
import org.salescomp.generate.GeneratorOptions;
import org.salescomp.generate.OutputFormat;
import org.salescomp.io.LakehousePaths;
import org.salescomp.pipeline.NightlyJob;
import org.salescomp.testing.SharedSpark;

/**
 * The nightly job on a real Spark cluster: a standalone master and two workers on 127.0.0.1, the
 * shaded jar submitted with {@code jobs/spark-submit/salescomp-submit.sh} and the arguments the
 * Airflow DAG renders ({@code run --date D --run-id ID --conf salescomp.conf}, the config bundled into
 * one file by {@code bundle-conf.sh} and found by name in the driver's working directory). Every table
 * it publishes must equal what the same run publishes in local mode. Runs in the integration-test
 * phase (failsafe), after the shaded jar is built.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
@Tag("slow")
class StandaloneClusterTest {
  /** The run id an Airflow schedule gives, ':' and '+' included; the same for both runs, so rows compare whole. */
  static final String RUN_ID = "scheduled__2025-03-31T02:00:00+00:00";
  static final LocalDate LOGICAL_DATE = LocalDate.of(2025, 3, 31);
  static final Path REPO = Path.of("").toAbsolutePath();

  /** Kept when the test fails: the cluster's, the workers' and the driver's logs are under it. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir;

  @Test
  void theNightlyJobOnAStandaloneClusterPublishesWhatLocalModePublishes() throws Exception {
    Path jar = Path.of(System.getProperty("test.shadedJar", "target/salescomp-0.1.0-SNAPSHOT-spark.jar"));
    assertThat(jar).as("the shaded jar: mvn package builds it").isRegularFile();
    SparkSession spark = SharedSpark.session();
    Path data = dir.resolve("data");
    DemoDataGenerator.generate(spark, new GeneratorOptions(data, 11, 0.02, YearMonth.of(2025, 1), 3, OutputFormat.PARQUET));

    Path clusterLakehouse = dir.resolve("cluster-lakehouse");
    Path driverDir = Files.createDirectories(dir.resolve("driver"));
    Path deployed = deployedConfig(driverDir.resolve("salescomp.conf"), data, clusterLakehouse, "");
    try (SparkHome home = SparkHome.create(dir.resolve("spark-home"));
        StandaloneCluster cluster = StandaloneCluster.start(home, dir.resolve("cluster"), 2, "1g")) {
      Submission submitted = submit(cluster, home, jar, driverDir, deployed);
      // Spark's INFO lines aside: salescomp's stage and publish lines, warnings and errors
      submitted.output().lines().filter(l -> !l.contains(" INFO ") || l.contains("INFO Stages") || l.contains("INFO DeltaPublisher"))
          .forEach(System.out::println);
      assertThat(submitted.exitCode()).as(submitted.output()).isZero();
      assertThat(submitted.output()).contains("run " + RUN_ID + " succeeded");
      // the work ran on the cluster: one executor on each worker
      assertThat(executorFolders(dir.resolve("cluster"))).hasSize(2);
    }

    Path localLakehouse = dir.resolve("local-lakehouse");
    Settings local = Settings.load(List.of(deployedConfig(dir.resolve("local.conf"), data, localLakehouse, "local[2]")));
    NightlyJob.run(spark, local, RunScope.nightly(LOGICAL_DATE, local.reopenMonths()), RUN_ID);

    List<String> tables = LakehousePaths.tables(spark, localLakehouse.toString());
    assertThat(tables).contains("payouts", "commission_lines", "kpi_rep_period", "run_log");
    assertThat(LakehousePaths.tables(spark, clusterLakehouse.toString())).isEqualTo(tables);
    for (String table : tables) {
      assertThat(difference(spark, clusterLakehouse, localLakehouse, table)).as(table).isEmpty();
    }
  }

  /**
   * What a deploy ships: conf/local.conf with its plans bundled into one file, the generated sources,
   * and the site's differences; an empty master leaves it to spark-submit.
   */
  private static Path deployedConfig(Path file, Path data, Path lakehouse, String master)
      throws IOException, InterruptedException {
    Process bundle = new ProcessBuilder("bash", "jobs/spark-submit/bundle-conf.sh", "conf/local.conf")
        .directory(REPO.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String bundled = new String(bundle.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bundle.waitFor()).isZero();
    return Files.writeString(file, bundled + Files.readString(data.resolve("sources.conf"))
        + "salescomp.spark.master = \"" + master + "\"\n"
        + "salescomp.spark.shuffle-partitions = 4\n"
        + "salescomp.lakehouse.root = \"" + lakehouse + "\"\n"
        // January to March from the logical date 2025-03-31
        + "salescomp.run.reopen-months = 2\n");
  }

  record Submission(int exitCode, String output) {}

  private static Submission submit(StandaloneCluster cluster, SparkHome home, Path jar, Path driverDir, Path deployed)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", REPO.resolve("jobs/spark-submit/salescomp-submit.sh").toString(),
        "--master", cluster.masterUrl(), "--files", deployed.toString(),
        "--conf", "spark.executor.memory=640m", "--conf", "spark.executor.cores=1", "--conf", "spark.cores.max=2",
        "--"));
    command.addAll(List.of("run", "--date", LOGICAL_DATE.toString(), "--run-id", RUN_ID, "--conf", "salescomp.conf"));
    Path log = driverDir.resolve("driver.log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(driverDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(cluster.environment());
    builder.environment().put("PATH", home.bin() + ":" + System.getenv("PATH"));
    builder.environment().put("SALESCOMP_JAR", jar.toAbsolutePath().toString());
    Process driver = builder.start();
    try {
      if (!driver.waitFor(8, TimeUnit.MINUTES)) {
        return new Submission(-1, "the driver did not finish in 8 minutes:\n" + Files.readString(log));
      }
      return new Submission(driver.exitValue(), Files.readString(log));
    } finally {
      driver.descendants().forEach(ProcessHandle::destroyForcibly);
      driver.destroyForcibly();
    }
  }

  /** The folders workers create per executor: work-dir/app-id/executor-id. */
  private static List<Path> executorFolders(Path clusterDir) throws IOException {
    try (Stream<Path> files = Files.walk(clusterDir, 3)) {
      return files.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().startsWith("app-")
          && Files.isDirectory(p)).toList();
    }
  }

  /** Rows only on the cluster and only in local mode (a few of each), or "" when the tables are equal. */
  private static String difference(SparkSession spark, Path cluster, Path local, String table) {
    Dataset<Row> onCluster = comparable(spark.read().format("delta").load(cluster.resolve(table).toString()), table);
    Dataset<Row> inLocal = comparable(spark.read().format("delta").load(local.resolve(table).toString()), table);
    List<Row> onlyCluster = onCluster.exceptAll(inLocal).limit(5).collectAsList();
    List<Row> onlyLocal = inLocal.exceptAll(onCluster).limit(5).collectAsList();
    return onlyCluster.isEmpty() && onlyLocal.isEmpty() ? ""
        : "only on the cluster: " + onlyCluster + "\nonly in local mode: " + onlyLocal;
  }

  /**
   * The columns that must match: run_log without its times and config hash (the two configs differ in
   * master and lakehouse), map and array columns as JSON text (set operations cannot compare maps).
   */
  private static Dataset<Row> comparable(Dataset<Row> rows, String table) {
    Dataset<Row> kept = table.equals("run_log") ? rows.drop("started_at", "finished_at", "config_hash") : rows;
    return kept.select(Arrays.stream(kept.schema().fields())
        .map(f -> f.dataType() instanceof MapType || f.dataType() instanceof ArrayType
            ? functions.to_json(functions.col(f.name())).as(f.name()) : functions.col(f.name()))
        .toArray(Column[]::new));
  }
}
