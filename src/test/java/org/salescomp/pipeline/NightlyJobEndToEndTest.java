package org.salescomp.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.config.ScenarioSettings;
import org.salescomp.config.Settings;
import org.salescomp.domain.RunScope;
import org.salescomp.engine.BalanceLines;
import org.salescomp.engine.Payouts;
import org.salescomp.generate.DemoDataGenerator;
import org.salescomp.generate.GeneratorOptions;
import org.salescomp.generate.OutputFormat;
import org.salescomp.io.LakehousePaths;
import org.salescomp.publish.PublishedLakehouse;
import org.salescomp.simulate.SimulationJob;
import org.salescomp.testing.SharedSpark;
import org.salescomp.testing.SortedRows;

/**
 * The nightly job end to end on generated data (6 months, scale 0.05): invariants of the published
 * tables, and idempotent reruns. The only test class that writes Delta tables of the whole pipeline.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("slow")
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
    PublishedLakehouse.registerViews(spark, settings.lakehouseRoot());
  }

  private static long count(String sql) {
    return spark.sql(sql).first().getLong(0);
  }

  @Test
  @Order(1)
  void onCleanDataNothingIsQuarantinedAndEverySourceReconciles() {
    assertThat(count("select count(*) from quarantine")).isZero();
    assertThat(count("select count(*) from run_log lateral view explode(source_counts) s as c"))
        .isEqualTo(org.salescomp.io.SourceTable.values().length);
    assertThat(count("""
        select count(*) from run_log lateral view explode(source_counts) s as c
        where c.read != c.accepted + c.quarantined + c.deferred or c.quarantined != 0
        """)).isZero();
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
          + cap_adjustment + guarantee_topup + bonus + awards + mentor_bonus + adjustments + spiff + override
          + draw_topup + draw_recovery + negative_carry + prior_period_adjustments
        """)).isZero();
  }

  @Test
  @Order(1)
  void nobodyIsPaidBaseAfterTheTerminationThoughRosterRowsAreLeftOpen() {
    spark.read().parquet(settings.source(org.salescomp.io.SourceTable.REPS).location()).createOrReplaceTempView("reps_in");
    // the generator leaves roster rows open after terminations inside the backfill
    assertThat(count("select count(*) from reps_in where termination_date < '2025-06-01' and valid_to is null"))
        .isGreaterThan(0);
    // a base line of a month is paid for days up to the termination date at the latest
    assertThat(count("""
        select count(*) from commission_lines l
        join (select distinct rep_id, termination_date from reps_in where termination_date is not null) r
          on l.rep_id = r.rep_id
        where l.line_type = 'base_salary' and l.month > r.termination_date""")).isZero();
  }

  @Test
  @Order(1)
  void balancesCloseAtOpeningPlusMovementsAndCarryFromMonthToMonth() {
    // the sample plans draw (new-hire), carry negative months (new-hire, manager): balances move
    assertThat(count("select count(*) from rep_balances where drawn > 0")).isGreaterThan(0);
    assertThat(count("""
        select count(*) from rep_balances
        where closing != opening + drawn + carried - recovered - forgiven or closing < 0""")).isZero();
    // a month opens with the closing balance of the rep's previous month (0 when it had no row)
    assertThat(count("""
        select count(*) from rep_balances b
        left join rep_balances p on p.rep_id = b.rep_id and p.month = add_months(b.month, -1)
        where b.opening != coalesce(p.closing, 0) and b.month > '2025-01-01'""")).isZero();
    // the balance lines are the balance's movements
    assertThat(count("""
        select count(*) from rep_balances b
        full outer join (select rep_id, month,
            sum(case when line_type = 'draw_recovery' then -amount else 0 end) as recovered,
            sum(case when line_type = 'negative_carry' then amount else 0 end) as carried
          from commission_lines group by rep_id, month) l on b.rep_id = l.rep_id and b.month = l.month
        where b.rep_id is not null and (b.recovered != l.recovered or b.carried != l.carried)""")).isZero();
    assertThat(count("select count(*) from commission_lines where line_type in ('spiff', 'override')"))
        .isGreaterThan(0);
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
    PublishedLakehouse.registerViews(spark, settings.lakehouseRoot());
    assertThat(sorted("commission_lines")).isEqualTo(linesBefore);
    assertThat(sorted("payouts")).isEqualTo(payoutsBefore);
    assertThat(sorted("kpi_rep_period")).isEqualTo(kpisBefore);
  }

  @Test
  @Order(5)
  void aNightlyRunReplacesOnlyItsMonthsAndPaysThemAsTheBackfillDid() {
    List<Row> januaryBefore = spark.sql("select * from payouts where month = '2025-01-01' order by rep_id").collectAsList();
    Map<String, List<Row>> backfilled = new LinkedHashMap<>();
    for (String table : List.of("commission_lines", "payouts", "rep_balances", "kpi_rep_period",
        "kpi_team_period")) {
      backfilled.put(table, withoutRunId(table));
    }
    // balances owed before May: the nightly's fold must start from them, not from zero
    assertThat(count("select count(*) from rep_balances where month = '2025-05-01' and opening > 0")).isPositive();
    // and, as the lakehouse holds it, a rep terminated before the history, owing 12.34 after April: with no
    // month in the run, nothing moves the balance; the run holds it in May and June, not drops it
    owesAfterApril("R-GONE", "12.34");
    // the backfill's logical date: May and June computed again, with the balances owed since January
    RunScope nightly = RunScope.nightly(LocalDate.of(2025, 6, 30), 1);
    NightlyJob.run(spark, settings, nightly, "scheduled__2025-06-30");
    PublishedLakehouse.registerViews(spark, settings.lakehouseRoot());
    assertThat(spark.sql("select * from payouts where month = '2025-01-01' order by rep_id").collectAsList())
        .isEqualTo(januaryBefore);
    assertThat(spark.sql("select cast(month as string), opening, closing from rep_balances where rep_id = 'R-GONE'"
            + " and month >= '2025-05-01' order by month").collectAsList())
        .extracting(Row::toString).containsExactly("[2025-05-01,12.34,12.34]", "[2025-06-01,12.34,12.34]");
    backfilled.forEach((table, rows) -> {
      Dataset<Row> now = spark.table(table);
      assertThat(withoutRunId(table.equals("rep_balances") ? now.where("rep_id != 'R-GONE'") : now)).as(table)
          .isEqualTo(rows);
    });
    assertThat(spark.sql("select distinct run_id from payouts where month >= '2025-05-01'").collectAsList())
        .extracting(r -> r.getString(0)).containsExactly("scheduled__2025-06-30");
    assertThat(count("select count(*) from run_log")).isEqualTo(2);
  }

  @Test
  @Order(6)
  void awardSharesAddUpToTheirPoolsAndCommissionIsNeverNegative() {
    assertThat(count("select count(*) from team_awards")).isGreaterThan(0);
    // team_award lines of a pay month sum to the pools of the quarters paid that month
    assertThat(count("""
        select count(*) from (select month, sum(amount) as paid from commission_lines where line_type = 'team_award'
          group by month) l
        full outer join (select add_months(quarter, 2) as month, sum(amount) as pools from team_awards group by 1) a
          on l.month = a.month
        where l.paid is null or a.pools is null or l.paid != a.pools
        """)).isZero();
    assertThat(count("""
        select count(*) from (select month, sum(amount) as paid from commission_lines where line_type = 'special_award'
          group by month) l
        full outer join (select add_months(quarter, 2) as month, sum(amount) as awarded from special_awards group by 1) a
          on l.month = a.month
        where l.paid is null or a.awarded is null or l.paid != a.awarded
        """)).isZero();
    assertThat(count("select count(*) from commission_lines where line_type = 'commission' and amount < 0")).isZero();
    assertThat(count("select count(*) from commission_lines where line_type = 'clawback' and amount >= 0")).isZero();
  }

  @Test
  @Order(7)
  void changingOnePlanRateChangesOnlyTheRepMonthsUnderThatPlan() throws IOException {
    List<Row> before = spark.sql("select rep_id, month, total from payouts").collectAsList();
    Path cheaper = Files.writeString(dir.resolve("inside-sales-cheaper.conf"), """
        salescomp.comp.plans.inside-sales.versions = [{
          effective-from = "2024-01-01"
          commission {
            tier-mode = retroactive
            tiers = [{ from = 0.0, rate = 0.025 }, { from = 0.8, rate = 0.04 }, { from = 1.0, rate = 0.06 }]
            product-multipliers { default = 1.0, subscription = 1.1 }
            channel-multipliers { default = 1.0, online = 0.9 }
            monthly-cap = 15000.00
          }
          scorecard.target-bonus-quarterly = 1500.00
          mentor { months = 6, rate = 0.05 }
        }]
        """);
    Settings changed = Settings.load(List.of(Path.of("conf/local.conf"),
        dir.resolve("data").resolve("sources.conf"), dir.resolve("lakehouse.conf"), cheaper));
    spark.createDataFrame(before, spark.table("payouts").select("rep_id", "month", "total").schema())
        .createOrReplaceTempView("payouts_before");
    NightlyJob.run(spark, changed, BACKFILL, BACKFILL.defaultRunId());
    PublishedLakehouse.registerViews(spark, settings.lakehouseRoot());
    long changedRepMonths = count("""
        select count(*) from payouts p join payouts_before b on p.rep_id = b.rep_id and p.month = b.month
        where p.total != b.total
        """);
    assertThat(changedRepMonths).isGreaterThan(0);
    // every rep-month that changed was paid under inside-sales, or claws back a deal paid under it
    List<Row> others = spark.sql("""
        select p.rep_id, p.month, b.total, p.total from payouts p
        join payouts_before b on p.rep_id = b.rep_id and p.month = b.month
        where p.total != b.total
          and not exists (select 1 from commission_lines l where l.rep_id = p.rep_id and l.month = p.month
            and l.plan_id = 'inside-sales')
          and not exists (select 1 from commission_lines c join commission_lines o
              on c.deal_id = o.deal_id and c.rep_id = o.rep_id and o.line_type = 'commission'
            where c.rep_id = p.rep_id and c.month = p.month and c.line_type = 'clawback'
              and o.plan_id = 'inside-sales')
        """).limit(10).collectAsList();
    if (!others.isEmpty()) {
      spark.sql("select rep_id, month, line_type, amount, plan_id, explanation from commission_lines where rep_id = '"
          + others.get(0).getString(0) + "' and month = '" + others.get(0).get(1) + "' and line_type != 'commission'")
          .show(50, false);
    }
    assertThat(others).isEmpty();
  }

  /**
   * The case: after {@code run --from 2025-01 --to 2025-01} (logical date 2025-01-31) the Q1
   * revenue was January's alone. Inputs are unchanged, so every quarter and year row (every measure; the
   * scorecard score aside, as the plans changed in the test before) must be as before the backfill, and
   * the additive measures of each quarter the sum of its three month rows.
   */
  @Test
  @Order(8)
  void aOneMonthBackfillLeavesEveryQuarterAndYearTheAggregateOfItsMonths() {
    List<String> kpiTables = List.of("kpi_rep_period", "kpi_team_period", "kpi_region_period");
    java.util.Map<String, List<Row>> before = new java.util.HashMap<>();
    kpiTables.forEach(t -> before.put(t, periods(t)));
    RunScope january = RunScope.backfill(YearMonth.of(2025, 1), YearMonth.of(2025, 1));
    NightlyJob.run(spark, settings, january, january.defaultRunId());
    PublishedLakehouse.registerViews(spark, settings.lakehouseRoot());

    kpiTables.forEach(t -> assertThat(periods(t)).as(t).isEqualTo(before.get(t)));
    assertThat(count("select count(*) from kpi_rep_period where period_type = 'quarter'")).isGreaterThan(0);
    assertThat(count("""
        select count(*) from kpi_rep_period q
        full outer join (select rep_id, trunc(period_start, 'quarter') as quarter, sum(revenue) as revenue,
            sum(won_deals) as won_deals, sum(cancelled_amount) as cancelled_amount,
            sum(new_customers) as new_customers, sum(csat_responses) as csat_responses,
            sum(complaints) as complaints
          from kpi_rep_period where period_type = 'month' group by 1, 2) m
          on q.rep_id = m.rep_id and q.period_start = m.quarter
        where q.period_type = 'quarter' and (m.rep_id is null or q.revenue != m.revenue
          or q.won_deals != m.won_deals or q.cancelled_amount != m.cancelled_amount
          or q.new_customers != m.new_customers or q.csat_responses != m.csat_responses
          or q.complaints != m.complaints)
        """)).isZero();
  }

  /**
   * "A simulation is the same engine run with other files": over months whose pay opens with a balance
   * owed since before them, the baseline pays what the run paid. Both fold balances from the first month
   * they write, opening with {@code rep_balances} as published. A simulation that folded from its first
   * computed month (a January) from zero would not see a balance the lakehouse holds for April.
   */
  @Test
  @Order(9)
  void simulatingTheNightlysMonthsPaysWhatItPaidWithTheBalancesOwedBeforeThem() throws IOException {
    // a rep who never owed and has variable pay of at least 10.00 in May
    String rep = spark.sql("""
        select p.rep_id from payouts p where p.month = '2025-05-01' and p.total - p.base_salary >= 10
          and not exists (select 1 from rep_balances b where b.rep_id = p.rep_id)
        order by p.rep_id limit 1""").first().getString(0);
    // as the lakehouse holds it: owing 10.00 after April
    owesAfterApril(rep, "10.00");
    NightlyJob.run(spark, settings, RunScope.nightly(LocalDate.of(2025, 6, 30), 1), "scheduled__2025-06-30");

    List<Path> overlays = List.of(Path.of("conf/local.conf"), dir.resolve("data").resolve("sources.conf"),
        dir.resolve("lakehouse.conf"));
    ScenarioSettings noChange = ScenarioSettings.load(
        Files.writeString(dir.resolve("no-change.conf"), "# the plans in force\n"), overlays);
    SimulationJob.run(spark, settings, new SimulationJob.Request(List.of(noChange),
        RunScope.backfill(YearMonth.of(2025, 5), YearMonth.of(2025, 6)), "baseline", "opening"));
    PublishedLakehouse.registerViews(spark, settings.lakehouseRoot());

    // the run recovered the balance from May's variable pay
    assertThat(spark.sql("select draw_recovery from payouts where month = '2025-05-01' and rep_id = '" + rep + "'")
        .first().getDecimal(0)).isEqualTo(new BigDecimal("-10.00"));
    String columns = "rep_id, month, " + String.join(", ", Payouts.amountColumns());
    Dataset<Row> paid = spark.sql("select " + columns + " from payouts where month >= '2025-05-01'");
    Dataset<Row> simulated = spark.sql("select " + columns
        + " from scenario_payouts where simulation_id = 'opening' and scenario = 'baseline'");
    assertThat(paid.count()).isPositive();
    assertThat(SortedRows.of(simulated)).isEqualTo(SortedRows.of(paid));
  }

  /** As the lakehouse holds it, written by an earlier run: the rep owes {@code amount} after April 2025. */
  private static void owesAfterApril(String rep, String amount) {
    BigDecimal owed = new BigDecimal(amount);
    BigDecimal none = new BigDecimal("0.00");
    spark.createDataFrame(List.of(RowFactory.create(rep, Date.valueOf("2025-04-01"), owed, none, none, none,
            none, owed, "an earlier run")), BalanceLines.TABLE.schema())
        .write().format("delta").mode("append").save(LakehousePaths.table(settings.lakehouseRoot(),
            BalanceLines.TABLE.name()));
  }

  /** The quarter and year rows of a KPI table, sorted, without the run id and the scorecard score. */
  private static List<Row> periods(String table) {
    Dataset<Row> rows = spark.table(table).where("period_type != 'month'").drop("run_id", "scorecard_score");
    return rows.orderBy(java.util.Arrays.stream(rows.columns()).map(org.apache.spark.sql.functions::col)
        .toArray(org.apache.spark.sql.Column[]::new)).collectAsList();
  }

  private static List<Row> withoutRunId(String table) {
    return withoutRunId(spark.table(table));
  }

  private static List<Row> withoutRunId(Dataset<Row> rows) {
    return SortedRows.of(rows.drop("run_id"));
  }

  private static List<Row> sorted(String table) {
    return SortedRows.of(spark.table(table));
  }
}
