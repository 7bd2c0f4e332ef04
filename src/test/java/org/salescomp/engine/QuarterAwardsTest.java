package org.salescomp.engine;

import static org.salescomp.testing.Frames.row;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.domain.Awards;
import org.salescomp.domain.TierMode;
import org.salescomp.testing.DataFrameAssert;
import org.salescomp.testing.Frames;
import org.salescomp.testing.SharedSpark;
import org.salescomp.testing.TestPlans;

/** Step 9: pool splits, team awards, special awards and the scorecard bonus of a quarter. */
@Tag("fast")
class QuarterAwardsTest {
  private static final String TEAM_Q = "team_id string, period_type string, period_start date, "
      + "revenue decimal(18,2), quota decimal(18,2)";
  private static final String REP_Q = "rep_id string, period_type string, period_start date, revenue decimal(18,2), "
      + "csat_avg decimal(30,20), csat_responses int, complaint_rate decimal(30,20), attainment decimal(30,20)";
  private static final String MEMBERS = "rep_id string, team_id string, quarter date, month date";
  private static final String CREDITED = "deal_id string, rep_id string, team_id string, close_date date, "
      + "credited_reps int, credited_amount decimal(18,2)";

  private static Dataset<Row> rules(String split) {
    Awards a = new Awards(TestPlans.d("1000.00"), Awards.AwardSplit.valueOf(split), TestPlans.d("5000.00"), 2,
        2, TestPlans.d("2000.00"), 5, TestPlans.d("0.02"), 2, TestPlans.d("1500.00"), 12, TestPlans.d("0.5"));
    return AwardRulesTable.of(SharedSpark.session(), List.of(AwardRulesTable.row("baseline", a)));
  }

  /** Every rep of the fixtures holds a roster row in March 2026 (the Q1 pay month) and in December 2025. */
  private static Dataset<Row> repMonthPlans(String... reps) {
    Object[][] rows = new Object[reps.length * 2][];
    for (int i = 0; i < reps.length; i++) {
      rows[2 * i] = row(reps[i], "2026-03-01", 31, 31, "t1", "ae", "p", "2025-10-01", null, 5);
      rows[2 * i + 1] = row(reps[i], "2025-12-01", 31, 31, "t1", "ae", "p", "2025-10-01", null, 2);
    }
    return RepMonthPlans.build(Frames.of(MonthStepsTest.REP_MONTHS, rows),
        TestPlans.planTable(TestPlans.version(TestPlans.workedExample(TierMode.MARGINAL))));
  }

  @Test
  void aPoolThatDoesNotDivideEvenlyGivesTheLeftoverCentByRemainderThenRepId() {
    Dataset<Row> members = Frames.of("pool_id string, rep_id string, pool decimal(18,2), weight decimal(18,2)",
        row("A", "r3", "1000.00", "1"), row("A", "r1", "1000.00", "1"), row("A", "r2", "1000.00", "1"),
        // by revenue 100 / 200 / 0 of a pool of 10.00: 3.333..., 6.666..., and nothing without revenue
        row("B", "r1", "10.00", "100.00"), row("B", "r2", "10.00", "200.00"), row("B", "r3", "10.00", "0.00"));
    DataFrameAssert.assertSameRows(Frames.of("pool_id string, rep_id string, share decimal(18,2)",
            // equal remainders: the leftover cent goes to the smallest rep_id
            row("A", "r1", "333.34"), row("A", "r2", "333.33"), row("A", "r3", "333.33"),
            // floors 3.33 + 6.66 leave 1 cent; r2's remainder 0.00666... beats r1's 0.00333...
            row("B", "r1", "3.33"), row("B", "r2", "6.67"), row("B", "r3", "0.00")),
        PoolSplit.split(members, "pool", "weight", "pool_id"));
  }

  @Test
  void teamTargetAndCollaborationAwards() {
    Dataset<Row> teams = Frames.of(TEAM_Q,
        // t1 reaches its quota exactly: wins 1,000 x 3 members
        row("t1", "quarter", "2026-01-01", "300000.00", "300000.00"),
        // t2 falls short
        row("t2", "quarter", "2026-01-01", "199999.99", "200000.00"),
        // t3 has no quota: wins nothing whatever it sells
        row("t3", "quarter", "2026-01-01", "900000.00", null));
    Dataset<Row> members = Frames.of(MEMBERS,
        row("a1", "t1", "2026-01-01", "2026-03-01"), row("a2", "t1", "2026-01-01", "2026-03-01"),
        row("a3", "t1", "2026-01-01", "2026-03-01"), row("b1", "t2", "2026-01-01", "2026-03-01"),
        row("c1", "t3", "2026-01-01", "2026-03-01"));
    Dataset<Row> deals = Frames.of(CREDITED,
        // t1: 2 deals, 1 shared (50%); t2: 2 deals, 1 shared (50%) but less revenue; t3: 1 deal, below min-deals
        row("D1", "a1", "t1", "2026-01-05", 2, "10.00"), row("D1", "a2", "t1", "2026-01-05", 2, "10.00"),
        row("D2", "a1", "t1", "2026-02-05", 1, "10.00"),
        row("D3", "b1", "t2", "2026-01-05", 2, "10.00"), row("D4", "b1", "t2", "2026-03-05", 1, "10.00"),
        row("D5", "c1", "t3", "2026-03-05", 2, "10.00"));
    TeamAwards.Result result = TeamAwards.build(teams, Frames.of(REP_Q), deals, members, rules("EQUAL"),
        repMonthPlans("a1", "a2", "a3", "b1", "c1"));
    DataFrameAssert.assertSameRows(Frames.of("team_id string, quarter date, award string, amount decimal(18,2), members int",
            row("t1", "2026-01-01", "team-target", "3000.00", 3),
            // t1 and t2 tie at 50% shared deals: t1 has the higher revenue
            row("t1", "2026-01-01", "collaboration", "5000.00", 3)),
        result.awards());
    DataFrameAssert.assertSameRows(Frames.of("rep_id string, month date, line_type string, amount decimal(18,2)",
            row("a1", "2026-03-01", "team_award", "1000.00"), row("a2", "2026-03-01", "team_award", "1000.00"),
            row("a3", "2026-03-01", "team_award", "1000.00"),
            // 5,000 / 3 floors to 1,666.66 each, leaving 2 cents: equal remainders, so a1 and a2 (smallest rep_ids)
            row("a1", "2026-03-01", "team_award", "1666.67"), row("a2", "2026-03-01", "team_award", "1666.67"),
            row("a3", "2026-03-01", "team_award", "1666.66")),
        result.lines());
  }

  @Test
  void cxStarRanksByCsatThenResponsesThenRepId() {
    Dataset<Row> reps = Frames.of(REP_Q,
        row("r1", "quarter", "2026-01-01", "0", "4.8", 6, "0.01", null),
        // same csat as r1 with more responses: ranks first
        row("r2", "quarter", "2026-01-01", "0", "4.8", 9, "0.00", null),
        // same csat and responses as r1: the tie goes to the smaller rep_id, r1; r4 is third and top is 2
        row("r4", "quarter", "2026-01-01", "0", "4.8", 6, "0.02", null),
        // too many complaints
        row("r5", "quarter", "2026-01-01", "0", "5.0", 20, "0.021", null),
        // too few surveys
        row("r6", "quarter", "2026-01-01", "0", "5.0", 4, "0.00", null));
    Dataset<Row> members = Frames.of(MEMBERS,
        row("r1", "t1", "2026-01-01", "2026-03-01"), row("r2", "t1", "2026-01-01", "2026-03-01"),
        row("r4", "t1", "2026-01-01", "2026-03-01"), row("r5", "t1", "2026-01-01", "2026-03-01"),
        row("r6", "t1", "2026-01-01", "2026-03-01"));
    SpecialAwards.Result result = SpecialAwards.build(reps, members, rules("EQUAL"),
        repMonthPlans("r1", "r2", "r4", "r5", "r6"));
    DataFrameAssert.assertSameRows(Frames.of("rep_id string, quarter date, award string, rank int, amount decimal(18,2)",
            row("r2", "2026-01-01", "cx-star", 1, "2000.00"),
            row("r1", "2026-01-01", "cx-star", 2, "2000.00")),
        result.awards());
  }

  @Test
  void newHireProgressRewardsThePositiveImprovement() {
    Dataset<Row> reps = Frames.of(REP_Q,
        // n1: 0.4 -> 0.9 (+0.5); n2: 0.7 -> 0.8 (+0.1); n3: 0.9 -> 0.6 (worse): not ranked
        row("n1", "quarter", "2025-10-01", "0", null, 0, "0", "0.4"),
        row("n1", "quarter", "2026-01-01", "0", null, 0, "0", "0.9"),
        row("n2", "quarter", "2025-10-01", "0", null, 0, "0", "0.7"),
        row("n2", "quarter", "2026-01-01", "0", null, 0, "0", "0.8"),
        row("n3", "quarter", "2025-10-01", "0", null, 0, "0", "0.9"),
        row("n3", "quarter", "2026-01-01", "0", null, 0, "0", "0.6"));
    SpecialAwards.Result result = SpecialAwards.build(reps, Frames.of(MEMBERS), rules("EQUAL"),
        repMonthPlans("n1", "n2", "n3"));
    DataFrameAssert.assertSameRows(Frames.of("rep_id string, quarter date, award string, rank int, amount decimal(18,2)",
            row("n1", "2026-01-01", "new-hire-progress", 1, "1500.00"),
            row("n2", "2026-01-01", "new-hire-progress", 2, "1500.00")),
        result.awards());
  }

  @Test
  void scorecardBonusWorkedExample() {
    // S = (0.55 + 0.16 + 0.14 + 0.15) / 0.95 = 1.0526315789...; a full quarter (90 of 90 days)
    Dataset<Row> scores = Frames.of("scenario string, rep_id string, quarter date, scorecard_score decimal(30,20)",
        row("baseline", "r1", "2026-01-01", "1.05263157894736842105"),
        // below the 0.6 threshold: nothing
        row("baseline", "r2", "2026-01-01", "0.59999999999999999999"));
    Dataset<Row> months = Frames.of(MonthStepsTest.REP_MONTHS,
        row("r1", "2026-01-01", 31, 31, "t1", "ae", "p", "2020-01-01", null, 72),
        row("r1", "2026-02-01", 28, 28, "t1", "ae", "p", "2020-01-01", null, 73),
        row("r1", "2026-03-01", 31, 31, "t1", "ae", "p", "2020-01-01", null, 74),
        row("r2", "2026-03-01", 31, 31, "t1", "ae", "p", "2020-01-01", null, 74));
    Dataset<Row> plans = RepMonthPlans.build(months,
        TestPlans.planTable(TestPlans.version(TestPlans.workedExample(TierMode.MARGINAL))));
    // round2(3,000 * 1.0526315789...) = 3,157.89
    DataFrameAssert.assertSameRows(Frames.of("rep_id string, month date, line_type string, amount decimal(18,2)",
            row("r1", "2026-03-01", "scorecard_bonus", "3157.89")),
        ScorecardBonusLines.build(scores, plans));
  }

  @Test
  void scorecardBonusIsProratedAndCappedAtTheMaxMultiplier() {
    // score 2.0 is capped at 1.5; active 31 of 90 days in Q1: 3,000 * 1.5 * 31 / 90 = 1,550.00
    Dataset<Row> scores = Frames.of("scenario string, rep_id string, quarter date, scorecard_score decimal(30,20)",
        row("baseline", "r1", "2026-01-01", "2.0"));
    Dataset<Row> months = Frames.of(MonthStepsTest.REP_MONTHS,
        row("r1", "2026-03-01", 31, 31, "t1", "ae", "p", "2026-03-01", null, 0));
    Dataset<Row> plans = RepMonthPlans.build(months,
        TestPlans.planTable(TestPlans.version(TestPlans.workedExample(TierMode.MARGINAL))));
    DataFrameAssert.assertSameRows(Frames.of("rep_id string, amount decimal(18,2)", row("r1", "1550.00")),
        ScorecardBonusLines.build(scores, plans));
  }
}
