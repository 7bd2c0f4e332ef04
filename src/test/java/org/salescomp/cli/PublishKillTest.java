package org.salescomp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
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
import org.salescomp.testing.CliProcess;
import org.salescomp.testing.SharedSpark;

/**
 * A run killed with {@code kill -9} while it publishes is invisible to readers until a run of it
 * succeeds. The lakehouse first holds a succeeded run over January to March (data of seed 7); the same
 * command then runs on other data (seed 8) in a JVM of its own, paused by a test hook
 * ({@code -Dsalescomp-test.pause-after-commits=N}, see {@code PublishedTables}) right after its Nth table
 * commit and killed there (Process.destroyForcibly: SIGKILL). {@code sql}, {@code dashboard} and
 * {@code statement} must still show the first run's data, consistent across tables, although the files
 * on disk mix both runs; rerunning the command completes it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("slow")
class PublishKillTest {
  private static final SessionFactory SHARED = settings -> SharedSpark.session();
  private static final String RUN_ID = "manual__2025-01_2025-03_2025-03-31";
  private static final String PAUSED = "salescomp-test: paused after commit ";
  private static final long WAIT_MINUTES = 20;

  @TempDir static Path dir;
  static SparkSession spark;
  static Path lakehouse;
  static String lakehouseConf;
  /** What readers saw after the first run: sum of payouts.total, sum of March's, the top rep of March. */
  static String firstTotal;
  static String firstMarchTotal;
  static String topRep;
  static String topRepTotal;

  @BeforeAll
  static void aFirstRunSucceeds() throws IOException {
    spark = SharedSpark.session();
    for (int seed : new int[] {7, 8}) {
      DemoDataGenerator.generate(spark, new GeneratorOptions(dir.resolve("seed" + seed), seed, 0.02,
          YearMonth.of(2025, 1), 3, OutputFormat.PARQUET));
    }
    lakehouse = dir.resolve("lakehouse");
    lakehouseConf = Files.writeString(dir.resolve("lakehouse.conf"),
        "salescomp.lakehouse.root = \"" + lakehouse + "\"\n").toString();
    CliRun first = CliRun.of(SHARED, runArgs(7).toArray(String[]::new));
    assertThat(first.exitCode()).as(first.err()).isZero();

    List<String> totals = sql("select (select sum(total) from payouts),"
        + " (select sum(total) from payouts where month = '2025-03-01'), (select sum(amount) from commission_lines)");
    firstTotal = totals.get(0);
    firstMarchTotal = totals.get(1);
    assertThat(totals.get(2)).isEqualTo(firstTotal);
    List<String> top = sql("select rep_id, total from payouts where month = '2025-03-01' order by total desc, rep_id limit 1");
    topRep = top.get(0);
    topRepTotal = top.get(1);
  }

  @Test
  @Order(1)
  void killedAtTheFirstCommitReadersSeeTheFirstRun() throws Exception {
    killAfterCommit(1);
    // on disk, commission_lines already holds the second run's lines beside the first run's payouts
    assertThat(latestSum("commission_lines", "amount")).isNotEqualTo(latestSum("payouts", "total"));
    readersSeeTheFirstRun();
  }

  @Test
  @Order(2)
  void killedAtALaterCommitReadersStillSeeTheFirstRun() throws Exception {
    killAfterCommit(4); // commission_lines, payouts, rep_balances and kpi_rep_period written
    assertThat(latestSum("payouts", "total")).isNotEqualTo(firstTotal);
    readersSeeTheFirstRun();
  }

  @Test
  @Order(3)
  void rerunningTheCommandCompletesIt() {
    CliRun rerun = CliRun.of(SHARED, runArgs(8).toArray(String[]::new));
    assertThat(rerun.exitCode()).as(rerun.err()).isZero();

    assertThat(sql("select status from run_log where run_id = '" + RUN_ID + "'")).containsExactly("succeeded");
    List<String> totals = sql("select (select sum(total) from payouts), (select sum(amount) from commission_lines)");
    assertThat(totals.get(0)).isEqualTo(totals.get(1)).isEqualTo(latestSum("payouts", "total")).isNotEqualTo(firstTotal);
  }

  private static void readersSeeTheFirstRun() throws IOException {
    assertThat(sql("select status, exit_code from run_log where run_id = '" + RUN_ID + "'"))
        .containsExactly("running", "");
    assertThat(sql("select (select sum(total) from payouts), (select sum(amount) from commission_lines)"))
        .containsExactly(firstTotal, firstTotal);

    Path page = dir.resolve("dashboard.html");
    CliRun dashboard = CliRun.of(SHARED, "dashboard", "--month", "2025-03", "--out", page.toString(),
        "--conf", "conf/local.conf", "--conf", lakehouseConf);
    assertThat(dashboard.exitCode()).as(dashboard.err()).isZero();
    assertThat(Files.readString(page)).contains("\"value\":\"" + firstMarchTotal + "\"");

    // a statement reconciles its lines with payouts.total, or fails: both tables at the first run's versions
    CliRun statement = CliRun.of(SHARED, "statement", "--rep", topRep, "--month", "2025-03", "--out",
        dir.resolve("statements").toString(), "--conf", "conf/local.conf", "--conf", lakehouseConf);
    assertThat(statement.exitCode()).as(statement.err()).isZero();
    // the console shows the total as money in the configured language: $17,035.74 for 17035.74
    String shown = new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.US))
        .format(new java.math.BigDecimal(topRepTotal));
    assertThat(statement.out()).contains(shown + " (equals payouts.total)");
  }

  /** Runs the command on the second data set in its own JVM, kills it once it paused after commit n. */
  private static void killAfterCommit(int n) throws IOException, InterruptedException {
    Path out = dir.resolve("kill-" + n + ".out");
    Path err = dir.resolve("kill-" + n + ".err");
    Process run = CliProcess.start(List.of("-Dsalescomp-test.pause-after-commits=" + n), runArgs(8), out, err);
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(WAIT_MINUTES);
      while (!Files.readString(err).contains(PAUSED)) {
        assertThat(run.isAlive()).as("the run ended before its commit %d:%n%s", n, Files.readString(err)).isTrue();
        assertThat(System.nanoTime()).as("no pause within %d minutes", WAIT_MINUTES).isLessThan(deadline);
        Thread.sleep(1000);
      }
    } finally {
      run.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block of the run
      run.waitFor();
    }
    assertThat(run.exitValue()).isEqualTo(137);
  }

  private static List<String> runArgs(int seed) {
    return new ArrayList<>(List.of("run", "--from", "2025-01", "--to", "2025-03",
        "--conf", "conf/local.conf", "--conf", dir.resolve("seed" + seed).resolve("sources.conf").toString(),
        "--conf", lakehouseConf));
  }

  /** The query's result through the {@code sql} command, as CSV fields without the header. */
  private static List<String> sql(String query) {
    CliRun run = CliRun.of(SHARED, "sql", "--format", "csv", "--conf", "conf/local.conf", "--conf", lakehouseConf,
        query);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run.out().lines().skip(1).flatMap(l -> List.of(l.split(",", -1)).stream()).toList();
  }

  /** A column's sum in the table's latest version on disk, as readers must not see it. */
  private static String latestSum(String table, String column) {
    return spark.read().format("delta").load(lakehouse.resolve(table).toString())
        .selectExpr("cast(sum(" + column + ") as string)").first().getString(0);
  }
}
