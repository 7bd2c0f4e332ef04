package org.salescomp.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.config.Settings;
import org.salescomp.generate.DemoDataGenerator;
import org.salescomp.generate.GeneratorOptions;
import org.salescomp.generate.OutputFormat;
import org.salescomp.io.Lakehouse;
import org.salescomp.testing.SharedSpark;

/**
 * The nightly job end to end on generated data (6 months, scale 0.05): invariants of the published
 * tables, and idempotent reruns. The only test class that writes Delta tables of the whole pipeline.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyJobEndToEndTest {
  @TempDir static Path dir;
  static Settings settings;
  static SparkSession spark;
  static final RunScope BACKFILL = RunScope.backfill(YearMonth.of(2025, 1), YearMonth.of(2025, 6));

  @BeforeAll
  static void generateAndRun() throws IOException {
    spark = SharedSpark.session();
    Path data = dir.resolve("data");
    DemoDataGenerator.generate(spark, new GeneratorOptions(data, 7, 0.05, YearMonth.of(2025, 1), 6, OutputFormat.PARQUET));
    Path lakehouse = Files.writeString(dir.resolve("lakehouse.conf"),
        "salescomp.lakehouse.root = \"" + dir.resolve("lakehouse") + "\"\n");
    settings = Settings.load(List.of(Path.of("conf/local.conf"), data.resolve("sources.conf"), lakehouse));
    NightlyJob.run(spark, settings, BACKFILL, BACKFILL.defaultRunId());
    Lakehouse.registerViews(spark, settings.lakehouseRoot());
  }

  private static long count(String sql) {
    return spark.sql(sql).first().getLong(0);
  }

  @Test
  @Order(1)
  void everyPayoutEqualsTheSumOfItsLines() {
    assertThat(count("select count(*) from payouts")).isGreaterThan(100);
    assertThat(count("""
        select count(*) from payouts p
        full outer join (select rep_id, month, sum(amount) as lines_total from commission_lines group by rep_id, month) l
          on p.rep_id = l.rep_id and p.month = l.month
        where p.total is null or l.lines_total is null or p.total != l.lines_total
        """)).isZero();
    assertThat(count("""
        select count(*) from payouts where total != base_salary + commission + clawback + cx_adjustment
          + cap_adjustment + guarantee_topup + bonus + awards + mentor_bonus + adjustments
        """)).isZero();
  }

  @Test
  @Order(2)
  void everyDealIsCreditedExactlyOncePerHundredPercent() {
    Dataset<Row> credited = spark.sql("select * from commission_lines where line_type = 'commission'");
    assertThat(credited.count()).isGreaterThan(1000);
    // one commission line per deal and credited rep
    assertThat(credited.groupBy("deal_id", "rep_id").count().where("count > 1").count()).isZero();
    // the deals of the published months, each with its credits summing to 100%
    Dataset<Row> deals = spark.read().parquet(settings.source(org.salescomp.io.SourceTable.DEALS).location())
        .where("close_date <= '2025-06-30'");
    Dataset<Row> credits = spark.read().parquet(settings.source(org.salescomp.io.SourceTable.DEAL_CREDITS).location());
    long creditedDeals = credited.select("deal_id").distinct().count();
    assertThat(creditedDeals).isEqualTo(deals.count());
    assertThat(credits.groupBy("deal_id").sum("credit_pct").where("`sum(credit_pct)` != 1").count()).isZero();
    long lines = credited.count();
    long expectedLines = deals.join(credits, deals.col("deal_id").equalTo(credits.col("deal_id")), "left").count();
    assertThat(lines).isEqualTo(expectedLines);
  }

  @Test
  @Order(3)
  void kpiRevenueEqualsTheCreditedAmounts() {
    assertThat(count("""
        select count(*) from (select month, sum(credited_amount) as credited from commission_lines
          where line_type = 'commission' group by month) c
        join (select period_start, sum(revenue) as revenue from kpi_rep_period where period_type = 'month'
          group by period_start) k on c.month = k.period_start
        where c.credited != k.revenue
        """)).isZero();
  }

  @Test
  @Order(4)
  void rerunningTheSameMonthsLeavesIdenticalTables() {
    List<Row> linesBefore = sorted("commission_lines");
    List<Row> payoutsBefore = sorted("payouts");
    List<Row> kpisBefore = sorted("kpi_rep_period");
    NightlyJob.run(spark, settings, BACKFILL, BACKFILL.defaultRunId());
    Lakehouse.registerViews(spark, settings.lakehouseRoot());
    assertThat(sorted("commission_lines")).isEqualTo(linesBefore);
    assertThat(sorted("payouts")).isEqualTo(payoutsBefore);
    assertThat(sorted("kpi_rep_period")).isEqualTo(kpisBefore);
  }

  @Test
  @Order(5)
  void aNightlyRunReplacesOnlyItsMonths() {
    List<Row> januaryBefore = spark.sql("select * from payouts where month = '2025-01-01' order by rep_id").collectAsList();
    RunScope nightly = RunScope.nightly(LocalDate.of(2025, 6, 30), 1);
    NightlyJob.run(spark, settings, nightly, "scheduled__2025-06-30");
    Lakehouse.registerViews(spark, settings.lakehouseRoot());
    assertThat(spark.sql("select * from payouts where month = '2025-01-01' order by rep_id").collectAsList())
        .isEqualTo(januaryBefore);
    assertThat(spark.sql("select distinct run_id from payouts where month >= '2025-05-01'").collectAsList())
        .extracting(r -> r.getString(0)).containsExactly("scheduled__2025-06-30");
    assertThat(count("select count(*) from run_log")).isEqualTo(2);
  }

  private static List<Row> sorted(String table) {
    Dataset<Row> rows = spark.table(table);
    return rows.orderBy(java.util.Arrays.stream(rows.columns()).map(org.apache.spark.sql.functions::col)
        .toArray(org.apache.spark.sql.Column[]::new)).collectAsList();
  }
}
