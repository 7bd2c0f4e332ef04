package org.salescomp.simulate;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.salescomp.testing.Frames.row;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.common.Stages;
import org.salescomp.config.ScenarioSettings;
import org.salescomp.domain.AttainmentPeriod;
import org.salescomp.domain.CommissionRules;
import org.salescomp.domain.PlanVersion;
import org.salescomp.domain.RunScope;
import org.salescomp.domain.TierMode;
import org.salescomp.engine.CompEngine;
import org.salescomp.io.SourceTable;
import org.salescomp.staging.SourceData;
import org.salescomp.testing.DataFrameAssert;
import org.salescomp.testing.Frames;
import org.salescomp.testing.SharedSpark;
import org.salescomp.testing.TestPlans;

/**
 * A scenario that measures attainment over the quarter with retroactive tiers, simulated over Q1 2026 beside
 * the monthly plans in force: the payouts a simulation sums per rep-month equal those of every line, the
 * quarter's true-up included, and the true-up is the hand-computed one.
 */
@Tag("fast")
class AttainmentPeriodScenarioTest {
  private static final RunScope Q1 = RunScope.backfill(YearMonth.of(2026, 1), YearMonth.of(2026, 3));
  private static Dataset<Row> fromLines;
  private static Dataset<Row> fromTotals;

  @BeforeAll
  static void simulateBothWays() {
    PlanVersion inForce = TestPlans.version(TestPlans.workedExample(TierMode.MARGINAL));
    CommissionRules m = inForce.commission();
    PlanVersion quarterly = TestPlans.version(new CommissionRules(TierMode.RETROACTIVE, m.tiers(),
        m.productMultipliers(), m.channelMultipliers(), m.gateMinAttainment(), null, AttainmentPeriod.QUARTER));
    ScenarioSet scenarios = new ScenarioSet(TwoRepFebruary.model(inForce), List.of(
        new ScenarioSettings("quarterly", "quarterly", Path.of("quarterly.conf"), "-", TwoRepFebruary.model(quarterly),
            Map.of())));
    SourceData inputs = inputs();
    fromLines = payouts(inputs, scenarios, CompEngine.Detail.LINES);
    fromTotals = payouts(inputs, scenarios, CompEngine.Detail.PAYOUTS);
  }

  private static Dataset<Row> payouts(SourceData inputs, ScenarioSet scenarios, CompEngine.Detail detail) {
    return SimulationModel.build(SharedSpark.session(), inputs, scenarios, Q1, Stages.checkpointed(), "USD", detail)
        .pay().payouts().localCheckpoint();
  }

  /** r1: D1 120,000 services in January, D2 60,000 services in February, D3 150,000 software in March. */
  private static SourceData inputs() {
    SourceData two = TwoRepFebruary.inputs(
        row("D1", "c1", "r1", "services", "direct", "120000.00", "USD", "2026-01-10", "won", null),
        row("D2", "c1", "r1", "services", "direct", "60000.00", "USD", "2026-02-05", "won", null),
        row("D3", "c1", "r1", "software", "direct", "150000.00", "USD", "2026-03-03", "won", null));
    // 100,000.00 a month: the quarter's quota is their sum, 300,000.00
    return two.with(SourceTable.TARGETS, Frames.of(SourceTable.TARGETS.schema().toDDL(),
        row("rep", "r1", "month", "2026-01-01", "revenue", "100000.00"),
        row("rep", "r1", "month", "2026-02-01", "revenue", "100000.00"),
        row("rep", "r1", "month", "2026-03-01", "revenue", "100000.00")));
  }

  @Test
  void payoutsFromMonthTotalsEqualPayoutsFromEveryLine() {
    DataFrameAssert.assertSameRows(fromLines, fromTotals);
  }

  @Test
  void theQuarterlyScenarioPaysTheBandToDateAndTheTrueUpInMarch() {
    // quarter to date 0.4, 0.6, 1.1: January 120,000 * 2% = 2,400.00; February 60,000 * 5% = 3,000.00;
    // March 150,000 * 8% * 1.2 = 14,400.00 plus the true-up 28,800.00 - 19,800.00 = 9,000.00: 23,400.00
    DataFrameAssert.assertSameRows(Frames.of("month date, commission decimal(18,2)",
            row("2026-01-01", "2400.00"), row("2026-02-01", "3000.00"), row("2026-03-01", "23400.00")),
        commission("quarterly"));
    // the monthly plans in force: January 50,000 * 2% + 50,000 * 5% + 20,000 * 8% = 5,100.00; February
    // 50,000 * 2% + 10,000 * 5% = 1,500.00; March (50,000 * 2% + 50,000 * 5% + 50,000 * 8%) * 1.2 = 9,000.00
    DataFrameAssert.assertSameRows(Frames.of("month date, commission decimal(18,2)",
            row("2026-01-01", "5100.00"), row("2026-02-01", "1500.00"), row("2026-03-01", "9000.00")),
        commission("baseline"));
  }

  private static Dataset<Row> commission(String scenario) {
    Dataset<Row> rows = fromTotals.where(col("scenario").equalTo(scenario).and(col("rep_id").equalTo("r1"))
        .and(col("month").geq("2026-01-01")));
    assertThat(rows.count()).isEqualTo(3);
    return rows.select("month", "commission");
  }
}
