package org.salescomp.simulate;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.salescomp.testing.Frames.row;
import static org.salescomp.testing.TestPlans.d;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.common.Stages;
import org.salescomp.config.ScenarioSettings;
import org.salescomp.domain.CommissionRules;
import org.salescomp.domain.CompModel;
import org.salescomp.domain.RunScope;
import org.salescomp.domain.Tier;
import org.salescomp.domain.TierMode;
import org.salescomp.io.SourceTable;
import org.salescomp.pipeline.PayrollModel;
import org.salescomp.staging.SourceData;
import org.salescomp.testing.DataFrameAssert;
import org.salescomp.testing.Frames;
import org.salescomp.testing.SharedSpark;
import org.salescomp.testing.TestPlans;

/**
 * The compensation model's worked example as a simulation: raising the accelerator (tier 3, from 100%
 * of quota) from 8% to 10% changes the pay of the rep who reached it, by exactly the hand-computed
 * amount, and of nobody else.
 */
@Tag("fast")
class TierRateScenarioTest {
  private static final RunScope FEBRUARY = TwoRepFebruary.FEBRUARY;
  private static Dataset<Row> payouts;
  private static Dataset<Row> summary;

  @BeforeAll
  static void simulate() {
    CompModel baseline = model(TestPlans.workedExample(TierMode.MARGINAL));
    CommissionRules example = TestPlans.workedExample(TierMode.MARGINAL);
    CompModel raised = model(new CommissionRules(TierMode.MARGINAL,
        List.of(new Tier(d("0"), d("0.02")), new Tier(d("0.5"), d("0.05")), new Tier(d("1.0"), d("0.10"))),
        example.productMultipliers(), example.channelMultipliers(), example.gateMinAttainment(), null));
    ScenarioSet scenarios = new ScenarioSet(baseline, List.of(
        new ScenarioSettings("accelerator-10", "tier 3 at 10%", Path.of("accelerator-10.conf"), "-", raised, Map.of())));
    SourceData inputs = inputs();
    PayrollModel model = SimulationModel.build(SharedSpark.session(), inputs, scenarios, FEBRUARY, Stages.checkpointed(), "USD");
    payouts = ScenarioPayouts.build(model.pay().payouts(), FEBRUARY, "fixture").localCheckpoint();
    summary = ScenarioSummary.build(new ScenarioSummary.Inputs(payouts, model.repMonths(),
        inputs.get(SourceTable.TEAMS), model.kpis().repPeriods(), "baseline", FEBRUARY, "fixture"));
  }

  private static CompModel model(CommissionRules commission) {
    return TwoRepFebruary.model(TestPlans.version(commission));
  }

  /** r1 sells the worked example's deals, r2 one 60,000.00 deal. */
  private static SourceData inputs() {
    return TwoRepFebruary.inputs(
        row("D1", "c1", "r1", "software", "direct", "30000.00", "USD", "2026-02-03", "won", null),
        row("D2", "c1", "r1", "hardware", "direct", "40000.00", "USD", "2026-02-10", "won", null),
        row("D3", "c1", "r1", "services", "direct", "50000.00", "USD", "2026-02-20", "won", null),
        row("D4", "c2", "r2", "services", "direct", "60000.00", "USD", "2026-02-12", "won", null));
  }

  @Test
  void onlyTheRepWhoReachedTheTierGainsAndByTheHandComputedAmount() {
    // r1: D3 covers [70,000, 120,000): 30,000 x 5% + 20,000 x 10% = 3,500.00 instead of 3,100.00: +400.00.
    // r2 (60% of quota) never reaches tier 3: 50,000 x 2% + 10,000 x 5% = 1,500.00 in both.
    DataFrameAssert.assertSameRows(Frames.of("scenario string, rep_id string, commission decimal(18,2), total decimal(18,2)",
            row("baseline", "r1", "4940.00", "9940.00"),
            row("baseline", "r2", "1500.00", "6500.00"),
            row("accelerator-10", "r1", "5340.00", "10340.00"),
            row("accelerator-10", "r2", "1500.00", "6500.00")),
        payouts);
  }

  @Test
  void theSummaryCountsOneRepBetterOffAndOneUnchanged() {
    Row overall = summary.where(col("scenario").equalTo("accelerator-10").and(col("period_type").equalTo("overall"))
        .and(col("group_by").equalTo("all"))).first();
    assertThat(overall.<Long>getAs("reps_better")).isEqualTo(1);
    assertThat(overall.<Long>getAs("reps_unchanged")).isEqualTo(1);
    assertThat(overall.<java.math.BigDecimal>getAs("change_total")).isEqualByComparingTo("400.00");
    assertThat(overall.<java.math.BigDecimal>getAs("change_commission")).isEqualByComparingTo("400.00");
    assertThat(overall.<java.math.BigDecimal>getAs("change_base_salary")).isEqualByComparingTo("0.00");
    // revenue 180,000.00; r1 at 120% of quota, r2 at 60%
    assertThat(overall.<java.math.BigDecimal>getAs("revenue")).isEqualByComparingTo("180000.00");
    assertThat(overall.<java.math.BigDecimal>getAs("share_at_or_above_quota")).isEqualByComparingTo("0.5");
    List<Row> gainers = overall.getList(overall.fieldIndex("top_gainers"));
    assertThat(gainers).extracting(r -> r.getString(0)).containsExactly("r1");
    assertThat(overall.getList(overall.fieldIndex("top_losers"))).isEmpty();
  }
}
