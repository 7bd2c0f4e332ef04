package org.salescomp.simulate;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.salescomp.testing.Frames.row;
import static org.salescomp.testing.TestPlans.d;

import java.math.BigDecimal;
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
import org.salescomp.domain.ClawbackRules;
import org.salescomp.domain.CommissionRules;
import org.salescomp.domain.CompModel;
import org.salescomp.domain.PlanVersion;
import org.salescomp.domain.RunScope;
import org.salescomp.domain.Tier;
import org.salescomp.domain.TierMode;
import org.salescomp.engine.CompEngine;
import org.salescomp.staging.SourceData;
import org.salescomp.testing.DataFrameAssert;
import org.salescomp.testing.SharedSpark;
import org.salescomp.testing.TestPlans;

/**
 * A simulation keeps no commission line per deal and scenario ({@link CompEngine.Detail#PAYOUTS}): deals
 * are priced once per distinct commission rule set and summed per rep-month, and only the deals a
 * clawback may reach keep lines. Its payouts must equal those computed from every line, for scenarios
 * that share the baseline's commission rules and for one that does not.
 */
@Tag("fast")
class PayoutsDetailTest {
  private static final RunScope FEBRUARY = TwoRepFebruary.FEBRUARY;
  private static Dataset<Row> fromLines;
  private static Dataset<Row> fromTotals;

  @BeforeAll
  static void simulateBothWays() {
    PlanVersion inForce = TestPlans.version(TestPlans.workedExample(TierMode.MARGINAL));
    CommissionRules example = inForce.commission();
    PlanVersion accelerator = TestPlans.version(new CommissionRules(TierMode.MARGINAL,
        List.of(new Tier(d("0"), d("0.02")), new Tier(d("0.5"), d("0.05")), new Tier(d("1.0"), d("0.10"))),
        example.productMultipliers(), example.channelMultipliers(), example.gateMinAttainment(), null));
    // same commission rules as the plans in force, a clawback window too short for the fixture's returns
    PlanVersion shortWindow = new PlanVersion(inForce.effectiveFrom(), example, inForce.cxModifier(),
        new ClawbackRules(5, d("1.0"), true), inForce.newHire(), inForce.scorecard(), inForce.mentor(), "short");
    ScenarioSet scenarios = new ScenarioSet(model(inForce), List.of(
        scenario("accelerator-10", accelerator), scenario("short-window", shortWindow),
        scenario("no-change", inForce)));
    SourceData inputs = inputs();
    fromLines = payouts(inputs, scenarios, CompEngine.Detail.LINES);
    fromTotals = payouts(inputs, scenarios, CompEngine.Detail.PAYOUTS);
  }

  private static Dataset<Row> payouts(SourceData inputs, ScenarioSet scenarios, CompEngine.Detail detail) {
    return SimulationModel.build(SharedSpark.session(), inputs, scenarios, FEBRUARY, Stages.checkpointed(), "USD",
        detail).pay().payouts().localCheckpoint();
  }

  private static ScenarioSettings scenario(String name, PlanVersion version) {
    return new ScenarioSettings(name, name, Path.of(name + ".conf"), "-", model(version), Map.of());
  }

  private static CompModel model(PlanVersion version) {
    return TwoRepFebruary.model(version);
  }

  /** The worked example's deals for r1, two for r2; one deal each returned within 30 days of its close. */
  private static SourceData inputs() {
    return TwoRepFebruary.inputs(
        row("D1", "c1", "r1", "software", "direct", "30000.00", "USD", "2026-02-03", "won", null),
        row("D2", "c1", "r1", "hardware", "direct", "40000.00", "USD", "2026-02-10", "won", null),
        row("D3", "c1", "r1", "services", "direct", "50000.00", "USD", "2026-02-20", "refunded", "2026-02-27"),
        row("D4", "c2", "r2", "services", "direct", "60000.00", "USD", "2026-02-12", "won", null),
        row("D5", "c2", "r2", "software", "partner", "10000.00", "USD", "2026-02-02", "cancelled", "2026-02-24"));
  }

  @Test
  void payoutsFromMonthTotalsEqualPayoutsFromEveryLine() {
    // 4 scenarios x 2 reps x 14 months (February and the lookback months before it)
    assertThat(fromTotals.count()).isEqualTo(112);
    DataFrameAssert.assertSameRows(fromLines, fromTotals);
  }

  @Test
  void theFixtureReachesTheClawbackAndTheScenariosDiffer() {
    // D3 (r1, 3,100.00 of commission) refunded 7 days after close, D5 (r2, 10,000.00 x 2% x 1.2 x 0.7 = 168.00)
    // cancelled 22 days after: the comparison above covers both reps' clawbacks and a window that claws none
    assertThat(clawback("baseline")).isEqualByComparingTo("-3268.00");
    assertThat(clawback("short-window")).isEqualByComparingTo("0.00");
    assertThat(commission("accelerator-10")).isGreaterThan(commission("baseline"));
    assertThat(commission("no-change")).isEqualByComparingTo(commission("baseline"));
  }

  private static BigDecimal clawback(String scenario) {
    return sum(scenario, "clawback");
  }

  private static BigDecimal commission(String scenario) {
    return sum(scenario, "commission");
  }

  private static BigDecimal sum(String scenario, String column) {
    return fromTotals.where(col("scenario").equalTo(scenario)).agg(org.apache.spark.sql.functions.sum(column))
        .first().getDecimal(0);
  }
}
