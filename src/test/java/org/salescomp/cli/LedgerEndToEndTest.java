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
import java.util.List;
import org.apache.spark.sql.Dataset;
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
import org.salescomp.generate.DemoDataGenerator;
import org.salescomp.generate.GeneratorOptions;
import org.salescomp.generate.OutputFormat;
import org.salescomp.io.LakehousePaths;
import org.salescomp.testing.SharedSpark;

/**
 * The pay ledger through the command line (generated data, scale 0.01, January to April 2025): close
 * January and February, add a late January deal, run the end of April; then the same from scratch in a
 * fresh lakehouse, which the closed pay and its corrections must add up to.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("slow")
class LedgerEndToEndTest {
  static final String LATE_DEAL = "D-LATE-0001";
  static final List<String> FROZEN = List.of("commission_lines", "payouts", "team_awards", "special_awards");

  @TempDir static Path dir;
  static SparkSession spark;
  static Path data;
  static Path ledgerConf;
  static Path freshConf;
  static Path narrowWindowConf;
  /** Count, sum and row hashes of January and February in each frozen table, once they are closed. */
  static List<List<String>> closedBefore;
  static List<String> afterFirstRun;

  @BeforeAll
  static void generate() throws IOException {
    spark = SharedSpark.session();
    data = dir.resolve("data");
    DemoDataGenerator.generate(spark, new GeneratorOptions(data, 11, 0.01, YearMonth.of(2025, 1), 4, OutputFormat.PARQUET));
    ledgerConf = lakehouse("ledger", "");
    freshConf = lakehouse("fresh", "");
    narrowWindowConf = lakehouse("ledger", "salescomp.ledger.restate-months = 1\n");
  }

  private static Path lakehouse(String name, String more) throws IOException {
    return Files.writeString(dir.resolve(name + "-" + more.length() + ".conf"),
        "salescomp.lakehouse.root = \"" + dir.resolve(name) + "\"\n" + more);
  }

  private static CliRun cli(Path conf, String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(List.of("--conf", "conf/local.conf", "--conf", data.resolve("sources.conf").toString(), "--conf",
        conf.toString()));
    return CliRun.of(settings -> spark, all.toArray(String[]::new));
  }

  private static Dataset<Row> table(String lakehouse, String name) {
    return spark.read().format("delta").load(LakehousePaths.table(dir.resolve(lakehouse).toString(), name));
  }

  /** Count, sum of the money column, and the sorted hashes of every row (all columns) of the months given. */
  private static List<String> fingerprint(String name, String monthColumn, String from, String to) {
    Dataset<Row> rows = table("ledger", name).where(col(monthColumn).between(lit(from), lit(to)));
    String money = name.equals("payouts") ? "total" : "amount";
    List<String> out = new ArrayList<>(List.of(String.valueOf(rows.count()),
        String.valueOf(rows.agg(org.apache.spark.sql.functions.sum(col(money))).first().get(0))));
    out.addAll(rows.selectExpr("sha2(to_json(struct(*)), 256)").as(Encoders.STRING()).collectAsList().stream()
        .sorted().toList());
    return out;
  }

  private static List<List<String>> closedMonths() {
    List<List<String>> all = new ArrayList<>();
    for (String name : FROZEN) {
      boolean quarterly = name.endsWith("awards");
      // awards of a quarter are paid in its last month: Q4 2024 would be the closed one; none here
      all.add(fingerprint(name, quarterly ? "quarter" : "month", quarterly ? "2024-10-01" : "2025-01-01",
          quarterly ? "2024-12-31" : "2025-02-01"));
    }
    return all;
  }

  @Test
  @Order(1)
  void closingNeedsComputedMonthsAndClosingAgainChangesNothing() {
    assertThat(cli(ledgerConf, "close", "--month", "2025-02").exitCode()).as("nothing published yet").isEqualTo(2);
    assertThat(cli(ledgerConf, "run", "--from", "2025-01", "--to", "2025-02").exitCode()).isZero();
    CliRun notComputed = cli(ledgerConf, "close", "--month", "2025-03");
    assertThat(notComputed.exitCode()).isEqualTo(2);
    assertThat(notComputed.err().strip()).doesNotContain("\n").contains("cannot close 2025-03");

    CliRun close = cli(ledgerConf, "close", "--month", "2025-02");
    assertThat(close.exitCode()).as(close.err()).isZero();
    assertThat(close.out()).contains("closed through 2025-02: 2 months");
    List<Row> closes = table("ledger", "period_close").orderBy("month").collectAsList();
    assertThat(cli(ledgerConf, "close", "--month", "2025-01").out()).contains("already closed through 2025-02");
    assertThat(table("ledger", "period_close").orderBy("month").collectAsList()).isEqualTo(closes);

    // January's period_close row: the payout total and line count of the closing run's pay
    Row january = closes.get(0);
    assertThat(january.getString(january.fieldIndex("closing_run_id"))).isEqualTo("manual__2025-01_2025-02_2025-02-28");
    assertThat(january.getDecimal(january.fieldIndex("payout_total"))).isEqualTo(table("ledger", "payouts")
        .where(col("month").equalTo(lit("2025-01-01"))).agg(org.apache.spark.sql.functions.sum("total")).first().getDecimal(0));
    assertThat(january.getLong(january.fieldIndex("line_count")))
        .isEqualTo(table("ledger", "commission_lines").where(col("month").equalTo(lit("2025-01-01"))).count());
    closedBefore = closedMonths();
  }

  @Test
  @Order(2)
  void aBackfillOfClosedMonthsIsRefused() {
    CliRun run = cli(ledgerConf, "run", "--from", "2025-01", "--to", "2025-02");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).doesNotContain("\n").contains("are all closed");
  }

  @Test
  @Order(3)
  void aLateJanuaryDealLeavesJanuaryAsPaidAndIsCorrectedOnceInMarch() {
    addLateDeal();
    assertThat(cli(ledgerConf, "run", "--date", "2025-04-30").exitCode()).isZero();
    assertThat(closedMonths()).isEqualTo(closedBefore);

    Dataset<Row> corrections = table("ledger", "commission_lines").where(col("line_type").equalTo(lit("prior_period_adjustment")));
    // every correction is for January (the only month the late deal changes), paid in March, the first open month
    assertThat(corrections.where(col("month").notEqual(lit("2025-03-01")).or(col("for_month").notEqual(lit("2025-01-01"))))
        .count()).isZero();
    List<Row> commission = corrections.where(col("for_line_type").equalTo(lit("commission"))).collectAsList();
    assertThat(commission).hasSize(1);
    assertThat(commission.get(0).getString(commission.get(0).fieldIndex("rep_id"))).isEqualTo(lateDealRep());
    assertThat(commission.get(0).getString(commission.get(0).fieldIndex("explanation"))).startsWith("correction for January 2025 commission: ");
    // payouts still sum the lines, the corrections in their own column
    Dataset<Row> march = table("ledger", "payouts").where(col("month").equalTo(lit("2025-03-01")));
    assertThat(march.agg(org.apache.spark.sql.functions.sum("prior_period_adjustments")).first().getDecimal(0))
        .isEqualTo(corrections.agg(org.apache.spark.sql.functions.sum("amount")).first().getDecimal(0));
    afterFirstRun = fingerprint("commission_lines", "month", "2025-01-01", "2025-04-01");
  }

  @Test
  @Order(4)
  void aSecondRunOfTheSameDatePostsNothingTwice() {
    assertThat(cli(ledgerConf, "run", "--date", "2025-04-30").exitCode()).isZero();
    assertThat(fingerprint("commission_lines", "month", "2025-01-01", "2025-04-01")).isEqualTo(afterFirstRun);
    assertThat(closedMonths()).isEqualTo(closedBefore);
  }

  @Test
  @Order(5)
  void closedPayPlusItsCorrectionsEqualsAFreshComputationWithTheLateDeal() {
    assertThat(cli(freshConf, "run", "--from", "2025-01", "--to", "2025-04").exitCode()).isZero();
    table("ledger", "commission_lines").createOrReplaceTempView("ledger_lines");
    table("fresh", "commission_lines").createOrReplaceTempView("fresh_lines");
    Dataset<Row> compared = spark.sql("""
        with closed as (
          select rep_id, month, amount from ledger_lines
          where month <= '2025-02-01' and line_type != 'prior_period_adjustment'
          union all
          select rep_id, for_month as month, amount from ledger_lines where line_type = 'prior_period_adjustment'),
        ledger as (select rep_id, month, sum(amount) as total from closed group by rep_id, month),
        fresh as (select rep_id, month, sum(amount) as total from fresh_lines where month <= '2025-02-01'
                  group by rep_id, month)
        select coalesce(l.rep_id, f.rep_id) as rep_id, coalesce(l.month, f.month) as month, l.total as ledger_total,
          f.total as fresh_total
        from ledger l full outer join fresh f on l.rep_id = f.rep_id and l.month = f.month
        """);
    assertThat(compared.count()).isGreaterThan(10);
    assertThat(compared.where("ledger_total is null or fresh_total is null or ledger_total != fresh_total").collectAsList())
        .isEmpty();
    // the late deal made a difference: January as closed is not the fresh January
    BigDecimal closedJanuary = table("ledger", "payouts").where(col("month").equalTo(lit("2025-01-01")))
        .agg(org.apache.spark.sql.functions.sum("total")).first().getDecimal(0);
    BigDecimal freshJanuary = table("fresh", "payouts").where(col("month").equalTo(lit("2025-01-01")))
        .agg(org.apache.spark.sql.functions.sum("total")).first().getDecimal(0);
    assertThat(freshJanuary).isGreaterThan(closedJanuary);
  }

  @Test
  @Order(6)
  void aLateDealOlderThanTheRestateWindowIsQuarantinedAndEarlierCorrectionsStay() {
    Dataset<Row> corrections = table("ledger", "commission_lines")
        .where(col("line_type").equalTo(lit("prior_period_adjustment"))).where(col("for_line_type").equalTo(lit("commission")));
    Row posted = corrections.first();
    // a window of one month before March: February is restated, January is older
    CliRun run = cli(narrowWindowConf, "run", "--date", "2025-04-30", "--run-id", "narrow");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<Row> late = table("ledger", "quarantine").where(col("run_id").equalTo(lit("narrow"))).collectAsList();
    assertThat(late).extracting(r -> r.getString(r.fieldIndex("source")) + " " + r.getString(r.fieldIndex("reason"))
        + " " + r.getString(r.fieldIndex("row_key"))).containsExactly("deals LATE_FOR_CLOSED_PERIOD deal_id=" + LATE_DEAL);
    // the correction posted while January was inside the window stays as it was (but for the run id)
    List<Row> now = corrections.collectAsList();
    assertThat(now).hasSize(1);
    assertThat(now.get(0).getDecimal(now.get(0).fieldIndex("amount"))).isEqualTo(posted.getDecimal(posted.fieldIndex("amount")));
    assertThat(closedMonths()).isEqualTo(closedBefore);
  }

  @Test
  @Order(7)
  void statementsShowClosedPayAsPaidAndOpenMonthsTheirCorrections() throws IOException {
    String rep = lateDealRep();
    Path out = dir.resolve("statements");
    CliRun closed = cli(ledgerConf, "statement", "--rep", rep, "--month", "2025-01", "--out", out.toString());
    assertThat(closed.exitCode()).as(closed.err()).isZero();
    CliRun open = cli(ledgerConf, "statement", "--rep", rep, "--month", "2025-03", "--out", out.toString());
    assertThat(open.exitCode()).as(open.err()).isZero();
    String january = Files.readString(out.resolve("statement-" + rep + "-2025-01.html"));
    assertThat(january).contains("id=\"closed\"").doesNotContain("Corrections of closed months");
    // January's statement lists exactly the lines January paid: the late deal is not among them
    assertThat(Files.readString(out.resolve("statement-" + rep + "-2025-01.csv"))).doesNotContain(LATE_DEAL);
    String march = Files.readString(out.resolve("statement-" + rep + "-2025-03.html"));
    assertThat(march).contains("id=\"open\"").contains("Corrections of closed months").contains("January 2025 commission");
    assertThat(Files.readString(out.resolve("statement-" + rep + "-2025-03.csv")))
        .containsPattern("line,prior_period_adjustment,.*correction for January 2025 commission: .*,2025-01 commission");
  }

  /** A won deal closed in January, copied from one January paid commission for, under a new id. */
  private static void addLateDeal() {
    Row paid = table("ledger", "commission_lines").where(col("month").equalTo(lit("2025-01-01")))
        .where(col("line_type").equalTo(lit("commission"))).where(col("amount").gt(lit(0))).orderBy("deal_id").first();
    String deals = data.resolve("deals").toString();
    spark.read().parquet(deals).where(col("deal_id").equalTo(lit(paid.getString(paid.fieldIndex("deal_id")))))
        .withColumn("deal_id", lit(LATE_DEAL))
        .withColumn("amount", lit(new BigDecimal("50000.00")).cast("decimal(18,2)"))
        .withColumn("status", lit("won"))
        .withColumn("status_date", lit(null).cast("date"))
        .write().mode("append").parquet(deals);
  }

  private static String lateDealRep() {
    return spark.read().parquet(data.resolve("deals").toString()).where(col("deal_id").equalTo(lit(LATE_DEAL)))
        .first().getAs("owner_rep_id");
  }
}
