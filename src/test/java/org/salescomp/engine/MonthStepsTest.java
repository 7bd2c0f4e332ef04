package org.salescomp.engine;

import static org.salescomp.testing.Frames.row;
import static org.salescomp.testing.TestPlans.d;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.domain.CommissionRules;
import org.salescomp.domain.PlanVersion;
import org.salescomp.domain.TierMode;
import org.salescomp.testing.DataFrameAssert;
import org.salescomp.testing.Frames;
import org.salescomp.testing.TestPlans;

/** Steps 3, 4, 6, 7 and 8 of a rep-month: cx modifier, cap, guarantee top-up, mentor bonus, adjustments. */
@Tag("fast")
class MonthStepsTest {
  static final String REP_MONTHS = "rep_id string, month date, active_days int, days_in_month int, "
      + "team_id string, role string, plan_id string, hire_date date, mentor_id string, month_index int";
  static final String LINES = "scenario string, rep_id string, month date, amount decimal(18,2)";
  static final String KPIS = "rep_id string, period_type string, period_start date, csat_avg decimal(30,20), "
      + "csat_responses int, complaint_rate decimal(30,20)";
  static final String EXPECTED = "rep_id string, month date, line_type string, amount decimal(18,2), explanation string";

  private static Dataset<Row> plans(Dataset<Row> repMonths, PlanVersion version) {
    return RepMonthPlans.build(repMonths, TestPlans.planTable(version));
  }

  private static PlanVersion marginal() {
    return TestPlans.version(TestPlans.workedExample(TierMode.MARGINAL));
  }

  private static Dataset<Row> tenuredMarch() {
    return Frames.of(REP_MONTHS, row("r1", "2026-03-01", 31, 31, "t1", "ae", "p", "2020-01-01", null, 74));
  }

  /** The worked example's commission lines: C = 4,940.00. */
  private static Dataset<Row> workedExampleLines() {
    return Frames.of(LINES,
        row("baseline", "r1", "2026-03-01", "720.00"),
        row("baseline", "r1", "2026-03-01", "1120.00"),
        row("baseline", "r1", "2026-03-01", "3100.00"));
  }

  private static Dataset<Row> noKpis() {
    return Frames.of(KPIS);
  }

  @Test
  void cxWorkedExample() {
    // csat 3.2 over 4 surveys: under 3.5 (0.9), not under 3.0; 1 complaint over 3 deals = 0.333 > 0.05 (0.9)
    Dataset<Row> kpis = Frames.of(KPIS,
        row("r1", "month", "2026-03-01", "3.2", 4, "0.33333333333333333333"));
    Dataset<Row> months = CommissionMonths.build(workedExampleLines(), plans(tenuredMarch(), marginal()), kpis);
    // x = 0.81: round2(4,940 * -0.19) = -938.60
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED, row("r1", "2026-03-01", "cx_adjustment", "-938.60",
            "customer experience ×0.81 (csat 3.2 over 4 surveys ×0.9; complaint rate 0.333333 ×0.9) "
                + "on commission 4,940.00 = -938.60")),
        CxAdjustmentLines.build(months));
  }

  @Test
  void cxNeedsMinResponsesAndTheLowestThresholdWins() {
    Dataset<Row> kpis = Frames.of(KPIS,
        // 2.9 is under both 3.5 and 3.0: the lowest threshold (3.0, 0.8) applies, not 0.9 * 0.8
        row("r1", "month", "2026-03-01", "2.9", 3, "0"));
    Dataset<Row> months = CommissionMonths.build(workedExampleLines(), plans(tenuredMarch(), marginal()), kpis);
    // round2(4,940 * -0.2) = -988.00
    DataFrameAssert.assertSameRows(Frames.of("line_type string, amount decimal(18,2)",
            row("cx_adjustment", "-988.00")),
        CxAdjustmentLines.build(months));

    Dataset<Row> fewSurveys = Frames.of(KPIS, row("r1", "month", "2026-03-01", "2.9", 2, "0"));
    // 2 surveys are fewer than min-responses 3: no modifier, no line
    DataFrameAssert.assertSameRows(Frames.of("line_type string"),
        CxAdjustmentLines.build(CommissionMonths.build(workedExampleLines(), plans(tenuredMarch(), marginal()),
            fewSurveys)));
  }

  @Test
  void cxIsRaisedToTheFloor() {
    CommissionRules rules = TestPlans.workedExample(TierMode.MARGINAL);
    PlanVersion v = TestPlans.version(rules);
    PlanVersion lowFloor = new PlanVersion(v.effectiveFrom(), rules,
        new org.salescomp.domain.CxModifier(3, v.cxModifier().csatBelow(), v.cxModifier().complaintRateAbove(), d("0.75")),
        v.clawback(), v.newHire(), v.scorecard(), v.mentor(), "floor");
    Dataset<Row> kpis = Frames.of(KPIS, row("r1", "month", "2026-03-01", "2.5", 10, "0.5"));
    // 0.8 * 0.9 = 0.72 is raised to the floor 0.75: round2(4,940 * -0.25) = -1,235.00
    DataFrameAssert.assertSameRows(Frames.of("line_type string, amount decimal(18,2)",
            row("cx_adjustment", "-1235.00")),
        CxAdjustmentLines.build(CommissionMonths.build(workedExampleLines(), plans(tenuredMarch(), lowFloor), kpis)));
  }

  @Test
  void capCutsCommissionAfterCx() {
    CommissionRules base = TestPlans.workedExample(TierMode.MARGINAL);
    CommissionRules capped = new CommissionRules(base.tierMode(), base.tiers(), base.productMultipliers(),
        base.channelMultipliers(), base.gateMinAttainment(), d("4000.00"));
    Dataset<Row> months = CommissionMonths.build(workedExampleLines(),
        plans(tenuredMarch(), TestPlans.version(capped)), noKpis());
    // 4,000.00 - 4,940.00 = -940.00
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED, row("r1", "2026-03-01", "cap_adjustment", "-940.00",
            "monthly cap 4,000.00: commission after cx 4,940.00 = -940.00")),
        CapAdjustmentLines.build(months));
  }

  @Test
  void guaranteeTopUpWorkedExample() {
    // hired 2026-03-10: 22 of 31 days; guarantee 6,000.00 gives 4,258.06; C + cx + cap = 1,000.00
    Dataset<Row> hire = Frames.of(REP_MONTHS, row("n1", "2026-03-01", 22, 31, "t1", "ae", "p", "2026-03-10", "r1", 0));
    Dataset<Row> lines = Frames.of(LINES, row("baseline", "n1", "2026-03-01", "1000.00"));
    Dataset<Row> months = CommissionMonths.build(lines, plans(hire, marginal()), noKpis());
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED, row("n1", "2026-03-01", "guarantee_topup", "3258.06",
            "guarantee 6,000.00 × 22/31 days = 4,258.06 less commission 1,000.00 (new-hire month 1 of 3)")),
        GuaranteeTopupLines.build(months));
  }

  @Test
  void guaranteeEndsAfterTheProtectedMonthsAndNeverGoesNegative() {
    Dataset<Row> months = Frames.of(REP_MONTHS,
        // month index 3 is the fourth month: protection (3 months) is over
        row("n1", "2026-06-01", 30, 30, "t1", "ae", "p", "2026-03-10", "r1", 3),
        // month index 2 earning more than the guarantee: no top-up
        row("n2", "2026-06-01", 30, 30, "t1", "ae", "p", "2026-04-01", "r1", 2),
        // month index 2 without any deal: the whole guarantee
        row("n3", "2026-06-01", 30, 30, "t1", "ae", "p", "2026-04-01", "r1", 2));
    Dataset<Row> lines = Frames.of(LINES,
        row("baseline", "n1", "2026-06-01", "10.00"),
        row("baseline", "n2", "2026-06-01", "6000.01"));
    DataFrameAssert.assertSameRows(Frames.of("rep_id string, amount decimal(18,2)", row("n3", "6000.00")),
        GuaranteeTopupLines.build(CommissionMonths.build(lines, plans(months, marginal()), noKpis())));
  }

  @Test
  void mentorEarnsOnMenteesUpToTheLastMentoredMonth() {
    Dataset<Row> months = Frames.of(REP_MONTHS,
        // mentor months = 6: index 5 is the last mentored month
        row("n1", "2026-06-01", 30, 30, "t1", "ae", "p", "2026-01-05", "m1", 5),
        // index 6: no longer mentored
        row("n2", "2026-06-01", 30, 30, "t1", "ae", "p", "2025-12-05", "m1", 6),
        row("m1", "2026-06-01", 30, 30, "t1", "ae", "p", "2019-01-01", null, 89));
    Dataset<Row> lines = Frames.of(LINES,
        row("baseline", "n1", "2026-06-01", "2345.67"),
        row("baseline", "n2", "2026-06-01", "5000.00"));
    // 5% of 2,345.67 = 117.2835 -> 117.28, on the mentor's statement
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED, row("m1", "2026-06-01", "mentor_bonus", "117.28",
            "5% of mentee n1's commission 2,345.67 (mentored month 6 of 6)")),
        MentorBonusLines.build(CommissionMonths.build(lines, plans(months, marginal()), noKpis()),
            plans(months, marginal())));
  }

  @Test
  void adjustmentsLandInTheirMonth() {
    Dataset<Row> adjustments = Frames.of("adjustment_id string, rep_id string, month date, amount decimal(18,2), "
            + "reason string, approved_by string",
        row("ADJ-1", "r1", "2026-03-01", "-150.25", "overpaid travel", "mgr-1"));
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED, row("r1", "2026-03-01", "adjustment", "-150.25",
            "ADJ-1: overpaid travel (approved by mgr-1)")),
        AdjustmentLines.build(adjustments, plans(tenuredMarch(), marginal())));
  }
}
