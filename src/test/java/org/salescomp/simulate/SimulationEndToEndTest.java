package org.salescomp.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.config.ScenarioSettings;
import org.salescomp.config.Settings;
import org.salescomp.domain.RunScope;
import org.salescomp.engine.Payouts;
import org.salescomp.generate.DemoDataGenerator;
import org.salescomp.generate.GeneratorOptions;
import org.salescomp.generate.OutputFormat;
import org.salescomp.io.DeltaLogs;
import org.salescomp.io.LakehousePaths;
import org.salescomp.io.SourceReader;
import org.salescomp.io.SourceTable;
import org.salescomp.pipeline.NightlyJob;
import org.salescomp.publish.PublishedLakehouse;
import org.salescomp.testing.HeadlessChromium;
import org.salescomp.testing.SharedSpark;

/**
 * A production run and a simulation of 16 scenarios on the same generated data (scale 0.05, the first
 * quarter of 2025, so a quarter's bonus and awards are paid): the oracle, the no-op scenario, one read
 * of the deals, and the summary's invariants.
 */
@Tag("slow")
class SimulationEndToEndTest {
  private static final RunScope SCOPE = RunScope.backfill(YearMonth.of(2025, 1), YearMonth.of(2025, 3));
  private static final String ID = "e2e";
  @TempDir static Path dir;
  static SparkSession spark;
  static Settings settings;
  static SimulationResult result;
  /** Deals files opened by one full read of the deals, and by the whole simulation. */
  static int oneScanOpens;
  static int simulationOpens;

  @BeforeAll
  static void runAndSimulate() throws IOException {
    spark = SharedSpark.session();
    Path data = dir.resolve("data");
    DemoDataGenerator.generate(spark, new GeneratorOptions(data, 11, 0.05, YearMonth.of(2025, 1), 3,
        OutputFormat.PARQUET));
    Path lakehouse = Files.writeString(dir.resolve("lakehouse.conf"),
        "salescomp.lakehouse.root = \"" + dir.resolve("lakehouse") + "\"\n");
    // the deals are read through a file system that counts the files it opens
    CountingFileSystem.register(spark);
    Path counted = Files.writeString(dir.resolve("counted.conf"), "salescomp.sources.deals.path = \""
        + CountingFileSystem.location(data.resolve("deals").toString()) + "\"\n");
    List<Path> overlays = List.of(Path.of("conf/local.conf"), data.resolve("sources.conf"), counted, lakehouse);
    settings = Settings.load(overlays);
    NightlyJob.run(spark, settings, SCOPE, "production");

    List<ScenarioSettings> scenarios = new ArrayList<>();
    for (Path file : scenarioFiles()) {
      scenarios.add(ScenarioSettings.load(file, overlays));
    }
    assertThat(scenarios).hasSize(16);
    SimulationJob.Request request = new SimulationJob.Request(scenarios, SCOPE, "baseline", ID);
    oneScanOpens = CountingFileSystem.opensDuring(() -> SourceReader.readRaw(spark, SourceTable.DEALS,
        settings.source(SourceTable.DEALS)).write().format("noop").mode("overwrite").save());
    simulationOpens = CountingFileSystem.opensDuring(() -> result = SimulationJob.run(spark, settings, request));
    PublishedLakehouse.registerViews(spark, settings.lakehouseRoot());
  }

  /** The shipped scenarios, a no-op, other scorecard weights, and accelerator rates up to 16%. */
  private static List<Path> scenarioFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    try (var shipped = Files.list(Path.of("conf/scenarios"))) {
      shipped.filter(f -> f.toString().endsWith(".conf")).sorted().forEach(files::add);
    }
    files.add(Files.writeString(dir.resolve("no-change.conf"), "# the plans in force\n"));
    files.add(Files.writeString(dir.resolve("revenue-scorecard.conf"), """
        salescomp.scenario.plan-changes.field-sales.scorecard.kpis = [
          { metric = revenue, weight = 0.9 }
          { metric = complaint_rate, weight = 0.1, lower-is-better = true }
        ]
        """));
    // accelerator rates up to 16%, as many as make 16 scenarios
    for (int rate = 17 - (16 - files.size()); files.size() < 16; rate++) {
      files.add(Files.writeString(dir.resolve("accelerator-" + rate + ".conf"),
          "salescomp.scenario.plan-changes.field-sales.commission.tiers = [{ from = 0.0, rate = 0.02 },"
              + " { from = 0.5, rate = 0.05 }, { from = 1.0, rate = 0." + String.format("%02d", rate) + " }]\n"));
    }
    return files;
  }

  private static long count(String sql) {
    return spark.sql(sql).first().getLong(0);
  }

  private static final String PAYOUT_COLUMNS = "rep_id, month, " + String.join(", ", Payouts.amountColumns());

  private static Dataset<Row> scenario(String name) {
    return spark.sql("select " + PAYOUT_COLUMNS + " from scenario_payouts where simulation_id = '" + ID
        + "' and scenario = '" + name + "'");
  }

  @Test
  void simulatingTheBaselineReproducesTheProductionPayoutsToTheCent() {
    Dataset<Row> production = spark.sql("select " + PAYOUT_COLUMNS + " from payouts");
    Dataset<Row> simulated = scenario("baseline");
    assertThat(production.count()).isGreaterThan(300);
    assertThat(simulated.count()).isEqualTo(production.count());
    assertThat(simulated.exceptAll(production).count()).isZero();
    assertThat(production.exceptAll(simulated).count()).isZero();
    // the quarter's bonus and awards are part of what is reproduced
    assertThat(count("select count(*) from payouts where bonus != 0")).isPositive();
  }

  @Test
  void aScenarioThatChangesNothingChangesNothingAnywhere() {
    assertThat(scenario("no-change").exceptAll(scenario("baseline")).count()).isZero();
    assertThat(scenario("baseline").exceptAll(scenario("no-change")).count()).isZero();
    Dataset<Row> summary = spark.sql("select * from scenario_summary where scenario = 'no-change'");
    assertThat(summary.count()).isGreaterThan(3 + 1 + 1);
    StringBuilder nonZero = new StringBuilder("reps_better != 0 or reps_worse != 0 or reps_unchanged != reps"
        + " or total_cost != comparison_cost or size(top_gainers) > 0 or size(top_losers) > 0");
    for (String c : summary.columns()) {
      if (c.startsWith("change_")) {
        nonZero.append(" or ").append(c).append(" != 0");
      }
    }
    assertThat(summary.where(nonZero.toString()).count()).isZero();
  }

  @Test
  void sixteenScenariosReadTheDealsOnce() {
    assertThat(count("select count(distinct scenario) from scenario_payouts")).isEqualTo(17);
    assertThat(oneScanOpens).isPositive();
    assertThat(simulationOpens).isEqualTo(oneScanOpens);
  }

  @Test
  void otherScorecardWeightsChangeOnlyTheScorecardBonus() {
    assertThat(count("""
        select count(*) from scenario_payouts s join scenario_payouts b using (rep_id, month)
        where s.scenario = 'revenue-scorecard' and b.scenario = 'baseline' and s.bonus != b.bonus
        """)).isPositive();
    assertThat(count("""
        select count(*) from scenario_payouts s join scenario_payouts b using (rep_id, month)
        where s.scenario = 'revenue-scorecard' and b.scenario = 'baseline'
          and (s.commission != b.commission or s.base_salary != b.base_salary or s.awards != b.awards)
        """)).isZero();
  }

  @Test
  void quarterToDateAttainmentChangesCommissionAndNothingElseOfThePay() {
    // the shipped quarterly-attainment scenario: field-sales tiers on the quarter to date, trued up in March
    assertThat(count("""
        select count(*) from scenario_payouts s join scenario_payouts b using (rep_id, month)
        where s.scenario = 'quarterly-attainment' and b.scenario = 'baseline' and s.commission != b.commission
        """)).isPositive();
    assertThat(count("""
        select count(*) from scenario_payouts s join scenario_payouts b using (rep_id, month)
        where s.scenario = 'quarterly-attainment' and b.scenario = 'baseline'
          and (s.base_salary != b.base_salary or s.awards != b.awards or s.adjustments != b.adjustments)
        """)).isZero();
  }

  @Test
  void aHigherAcceleratorNeverLowersCommission() {
    assertThat(count("""
        select count(*) from scenario_payouts s join scenario_payouts b using (rep_id, month)
        where s.scenario = 'accelerator-16' and b.scenario = 'baseline' and s.commission < b.commission
        """)).isZero();
    assertThat(count("""
        select count(*) from scenario_summary where scenario = 'accelerator-16' and period_type = 'overall'
          and group_by = 'all' and change_commission > 0 and reps_worse = 0 and reps_better > 0
        """)).isEqualTo(1);
  }

  @Test
  void aRoleOnAnotherPlanChangesThePayOfThatRole() {
    assertThat(count("""
        select count(*) from scenario_summary where scenario = 'inside-on-field-plan'
          and period_type = 'overall' and group_by = 'role' and group_value = 'inside-sales' and change_total != 0
        """)).isEqualTo(1);
  }

  @Test
  void theSummaryAddsUp() {
    // overall cost is the sum of the scenario's payouts; reps split into better, worse and unchanged
    assertThat(count("""
        select count(*) from scenario_summary s
        join (select scenario, sum(total) as total from scenario_payouts group by scenario) p using (scenario)
        where s.period_type = 'overall' and s.group_by = 'all' and s.total_cost != p.total
        """)).isZero();
    assertThat(count("select count(*) from scenario_summary where reps_better + reps_worse + reps_unchanged != reps"))
        .isZero();
    // the regions of a period add up to all reps
    assertThat(count("""
        select count(*) from scenario_summary a
        join (select scenario, period_type, period_start, sum(change_total) as change, sum(reps) as reps
              from scenario_summary where group_by = 'region' group by 1, 2, 3) r
          using (scenario, period_type, period_start)
        where a.group_by = 'all' and (a.change_total != r.change or a.reps != r.reps)
        """)).isZero();
    assertThat(count("select count(*) from scenario_summary where group_by = 'all' and period_type = 'month'"))
        .isEqualTo(17 * 3);
  }

  @Test
  void theSimulationIsRecordedWithItsInputsAndScenarioHashes() throws IOException {
    Row log = spark.sql("select * from simulation_log where simulation_id = '" + ID + "'").first();
    List<Row> inputs = log.getList(log.fieldIndex("inputs"));
    // every source, and the published balances the simulation opened from
    assertThat(inputs).hasSize(SourceTable.values().length + 1);
    Row balances = inputs.get(inputs.size() - 1);
    assertThat(balances.getString(0)).isEqualTo("rep_balances");
    assertThat(balances.getString(3)).isEqualTo("delta:v" + DeltaLogs.version(spark,
        LakehousePaths.table(settings.lakehouseRoot(), "rep_balances")));
    List<Row> scenarios = log.getList(log.fieldIndex("scenarios"));
    assertThat(scenarios).hasSize(17);
    assertThat(scenarios.get(1).getString(3)).hasSize(16);
    assertThat(result.lines()).hasSize(17);
    assertThat(result.report()).endsWith(ID + ".html");
    String html = Files.readString(dir.resolve("lakehouse").resolve(SimulationJob.REPORTS).resolve(ID + ".html"));
    assertThat(html).contains("<svg class=\"chart\" id=\"cost-by-month\"", "accelerator-16", "inside-on-field-plan");
  }

  @Test
  void theReportOpensInHeadlessChromiumWithoutConsoleErrorsAndItsChartsDraw() throws Exception {
    Path report = dir.resolve("lakehouse").resolve(SimulationJob.REPORTS).resolve(ID + ".html");
    Path saved = Files.createDirectories(Path.of("target", "simulation-report"));
    Files.copy(report, saved.resolve("report.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path png = saved.resolve("report.png");

    HeadlessChromium.require();
    HeadlessChromium.Load page = HeadlessChromium.screenshot(report, png, saved.resolve("chromium"));

    // the report's script counts the charts that have marks once the page has loaded
    assertThat(page.console()).anyMatch(l -> l.contains("charts drawn: 3 of 3"));
    assertThat(page.console()).noneMatch(l -> l.contains("Uncaught") || l.contains(":ERROR:CONSOLE")
        || l.contains(":WARNING:CONSOLE") || l.toLowerCase(java.util.Locale.ROOT).contains("error"));
    assertThat(colouredPixels(png)).as("pixels of the charts' colours in " + png).isGreaterThan(5_000);
  }

  /** Pixels that are clearly coloured (not white, grey or black): the series, boxes and bars. */
  private static int colouredPixels(Path png) throws IOException {
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
    int coloured = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
          coloured++;
        }
      }
    }
    return coloured;
  }
}
