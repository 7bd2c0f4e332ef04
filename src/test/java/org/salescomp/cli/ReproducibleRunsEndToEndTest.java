package org.salescomp.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.generate.DemoDataGenerator;
import org.salescomp.generate.GeneratorOptions;
import org.salescomp.generate.OutputFormat;
import org.salescomp.io.LakehousePaths;
import org.salescomp.io.SourceTable;
import org.salescomp.testing.SharedSpark;
import org.salescomp.testing.SortedRows;

/**
 * Runs as a scheduler makes them, on generated data (scale 0.01, January and February 2025) kept as
 * Delta sources: two runs started at once for the same date, then new data arriving and a rerun of
 * the earlier run. Everything goes through the command line, as Airflow calls it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("slow")
class ReproducibleRunsEndToEndTest {
  static final String DATE = "2025-02-28";
  /** The id both concurrent runs get: the default of the scope, as two manual runs of the same date would. */
  static final String FIRST_RUN = "manual__2025-01_2025-02_2025-02-28";

  @TempDir static Path dir;
  static SparkSession spark;
  static Path conf;
  static Path lakehouse;
  static Path sources;

  @BeforeAll
  static void deltaSources() throws IOException {
    spark = SharedSpark.session();
    Path generated = dir.resolve("generated");
    DemoDataGenerator.generate(spark, new GeneratorOptions(generated, 5, 0.01, YearMonth.of(2025, 1), 2, OutputFormat.PARQUET));
    sources = dir.resolve("sources");
    lakehouse = dir.resolve("lakehouse");
    StringBuilder hocon = new StringBuilder("salescomp.lakehouse.root = \"" + lakehouse + "\"\n");
    for (SourceTable table : SourceTable.values()) {
      String path = sources.resolve(table.tableName()).toString();
      spark.read().parquet(generated.resolve(table.tableName()).toString()).write().format("delta").save(path);
      hocon.append("salescomp.sources.").append(table.tableName()).append(" { format = delta, path = \"").append(path)
          .append("\" }\n");
    }
    conf = Files.writeString(dir.resolve("site.conf"), hocon);
  }

  private static CliRun cli(String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(List.of("--conf", "conf/local.conf", "--conf", conf.toString()));
    return CliRun.of(settings -> spark, all.toArray(String[]::new));
  }

  @Test
  @Order(1)
  void twoRunsStartedTogetherForTheSameDateEndWithoutDuplicates() {
    CompletableFuture<CliRun> first = CompletableFuture.supplyAsync(() -> cli("run", "--date", DATE));
    CompletableFuture<CliRun> second = CompletableFuture.supplyAsync(() -> cli("run", "--date", DATE));
    List<CliRun> runs = List.of(first.join(), second.join());

    List<CliRun> failed = runs.stream().filter(run -> run.exitCode() != 0).toList();
    for (CliRun run : failed) {
      // Delta's optimistic concurrency: a table's commit that conflicts with the other run's fails, and the
      // run stops there. Tables are published side by side, so each run may lose a different table.
      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.CONFLICT);
      assertThat(run.err()).as("why the run failed").contains("at the same time", "retry the same command");
    }
    if (!failed.isEmpty()) {
      // the scheduler's retry: the same command, the same run id
      CliRun retry = cli("run", "--date", DATE);
      assertThat(retry.exitCode()).as(retry.err()).isZero();
    }
    assertThat(keyCount("payouts", "rep_id", "month")).isEqualTo(rows("payouts"));
    assertThat(keyCount("kpi_rep_period", "period_type", "period_start", "rep_id")).isEqualTo(rows("kpi_rep_period"));
    // every table holds exactly the rows of one run
    Row log = table("run_log").where(col("run_id").equalTo(lit(FIRST_RUN))).first();
    Map<String, Long> written = log.getJavaMap(log.fieldIndex("rows_written"));
    written.forEach((table, count) -> {
      if (count >= 0) {
        assertThat(rows(table)).as(table).isEqualTo(count);
      }
    });
  }

  @Test
  @Order(2)
  void aRerunAfterNewDataArrivedReproducesTheRunsTables() {
    Map<String, List<Row>> published = new LinkedHashMap<>();
    for (String table : publishedTables()) {
      published.put(table, sorted(table(table).where(col("run_id").equalTo(lit(FIRST_RUN)))));
    }
    BigDecimal februaryBefore = februaryPayouts();

    // an adjustment for February arrives after the first run, and the next night's run publishes it
    lateAdjustment().write().format("delta").mode("append").save(sources.resolve("adjustments").toString());
    CliRun next = cli("run", "--date", DATE, "--run-id", "nightly-2");
    assertThat(next.exitCode()).as(next.err()).isZero();
    assertThat(februaryPayouts()).isNotEqualByComparingTo(februaryBefore);

    Path into = dir.resolve("rerun");
    CliRun rerun = cli("rerun", "--run-id", FIRST_RUN, "--into", into.toString(), "--verify");

    assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isZero();
    assertThat(rerun.out()).contains("verified: the rerun reproduces every table of run " + FIRST_RUN);
    for (Map.Entry<String, List<Row>> e : published.entrySet()) {
      assertThat(sorted(table(into.resolve(e.getKey())))).as(e.getKey()).isEqualTo(e.getValue());
    }
  }

  /** The tables whose rows carry the run id that wrote them, run_log aside. */
  private static List<String> publishedTables() {
    return LakehousePaths.tables(spark, lakehouse.toString()).stream()
        .filter(t -> !t.equals("run_log") && Arrays.asList(table(t).columns()).contains("run_id")).toList();
  }

  private static BigDecimal februaryPayouts() {
    return table("payouts").where(col("month").equalTo(lit("2025-02-01"))).agg(functions.sum("total")).first()
        .getDecimal(0);
  }

  /** 123.45 for a rep on the roster today, in February, in the adjustments table's own column types. */
  private static Dataset<Row> lateAdjustment() {
    Dataset<Row> adjustments = table(sources.resolve("adjustments"));
    String rep = table(sources.resolve("reps")).where("termination_date is null and valid_to is null")
        .orderBy("rep_id").first().getAs("rep_id");
    Dataset<Row> late = spark.sql("select 'late-1' as adjustment_id, '" + rep + "' as rep_id,"
        + " date'2025-02-01' as month, 123.45 as amount, 'late deal bonus' as reason, 'ops' as approved_by");
    return late.select(Arrays.stream(adjustments.schema().fields())
        .map(f -> col(f.name()).cast(f.dataType()).as(f.name())).toArray(Column[]::new));
  }

  private static Dataset<Row> table(String name) {
    return table(lakehouse.resolve(name));
  }

  private static Dataset<Row> table(Path path) {
    return spark.read().format("delta").load(path.toString());
  }

  private static long rows(String name) {
    return table(name).count();
  }

  private static long keyCount(String name, String... key) {
    return table(name).select(Arrays.stream(key).map(functions::col).toArray(Column[]::new)).distinct().count();
  }

  private static List<Row> sorted(Dataset<Row> rows) {
    return SortedRows.of(rows);
  }
}
