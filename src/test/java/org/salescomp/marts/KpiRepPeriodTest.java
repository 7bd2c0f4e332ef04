package org.salescomp.marts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salescomp.testing.Frames.row;

import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.domain.RunScope;
import org.salescomp.intermediate.KpiInputs;
import org.salescomp.pipeline.KpiModel;
import org.salescomp.testing.DataFrameAssert;
import org.salescomp.testing.Frames;

/**
 * {@code kpi_rep_period}, one measure per test, each on a few hand-built rows; expected values worked
 * out by hand from the compensation model's "Measures (KPIs)". Every run covers 2026-01 .. 2026-03
 * (logical date 2026-03-31); reps join on 2026-01-01 unless said otherwise.
 */
@Tag("fast")
class KpiRepPeriodTest {
  static final RunScope Q1_2026 = RunScope.backfill(YearMonth.of(2026, 1), YearMonth.of(2026, 3));
  private static final String KEYS = "rep_id string, period_type string, period_start date, ";

  private static Dataset<Row> rows2026(KpiModel model) {
    return model.repPeriods().where("period_start >= '2026-01-01'");
  }

  @Test
  void revenueCountsEveryStatusByCloseDateAndCancellationsByStatusDate() {
    KpiInputs in = new KpiInputs()
        .rep("r1", "t1", "2026-01-01", null).rep("r2", "t1", "2026-01-01", null).team("t1", "north")
        .won("D1", "c1", "r1", "1000.00", "2026-01-10")
        .deal("D2", "c1", "r1", "500.00", "2026-01-20", "cancelled", "2026-02-05")
        .deal("D3", "c1", "r1", "300.00", "2026-02-03", "refunded", "2026-02-25")
        // cancelled after the logical date: not yet known, the deal counts as won
        .deal("D4", "c1", "r1", "200.00", "2026-03-05", "cancelled", "2026-04-02")
        .won("D5", "c1", "r1", "1000.00", "2026-03-10").credit("D5", "r1", "0.6").credit("D5", "r2", "0.4")
        // closed after the logical date: deferred
        .won("D6", "c1", "r1", "999.00", "2026-04-01");
    DataFrameAssert.assertSameRows(Frames.of(KEYS
            + "revenue decimal(18,2), won_deals int, cancelled_amount decimal(18,2)",
            // D1 + D2: the cancelled D2 still counts in the month it closed
            row("r1", "month", "2026-01-01", "1500.00", 2, "0.00"),
            // D3 closed; D2 (500) and D3 (300) were cancelled or refunded this month
            row("r1", "month", "2026-02-01", "300.00", 1, "800.00"),
            // D4 (200) and r1's 60% of D5 (600)
            row("r1", "month", "2026-03-01", "800.00", 2, "0.00"),
            // the three months summed
            row("r1", "quarter", "2026-01-01", "2600.00", 5, "800.00"),
            row("r1", "year", "2026-01-01", "2600.00", 5, "800.00"),
            // on the roster all quarter: months without deals have zeros, not missing rows
            row("r2", "month", "2026-01-01", "0.00", 0, "0.00"),
            row("r2", "month", "2026-02-01", "0.00", 0, "0.00"),
            // 40% of D5: a split deal is won by each of its reps
            row("r2", "month", "2026-03-01", "400.00", 1, "0.00"),
            row("r2", "quarter", "2026-01-01", "400.00", 1, "0.00"),
            row("r2", "year", "2026-01-01", "400.00", 1, "0.00")),
        rows2026(in.model(Q1_2026)));
  }

  @Test
  void newCustomersByTheirFirstDealEver() {
    KpiInputs in = new KpiInputs()
        .rep("r1", "t1", "2025-01-01", null).rep("r2", "t1", "2026-01-01", null).team("t1", "north")
        // c1 bought first in 2025: not new in 2026
        .won("D1", "c1", "r1", "100.00", "2025-11-15")
        .won("D2", "c1", "r2", "100.00", "2026-01-05")
        // c2: two deals on the same day, the smaller deal_id is the first
        .won("D4", "c2", "r1", "100.00", "2026-02-10")
        .won("D3", "c2", "r2", "100.00", "2026-02-10")
        // c3: a cancelled first deal is still the first deal; the later one is not new
        .deal("D5", "c3", "r1", "100.00", "2026-03-01", "cancelled", "2026-03-15")
        .won("D6", "c3", "r2", "100.00", "2026-03-20");
    DataFrameAssert.assertSameRows(Frames.of(KEYS + "new_customers int",
            row("r1", "month", "2026-01-01", 0),
            row("r1", "month", "2026-02-01", 0),
            // c3 by D5
            row("r1", "month", "2026-03-01", 1),
            row("r1", "quarter", "2026-01-01", 1),
            row("r1", "year", "2026-01-01", 1),
            row("r2", "month", "2026-01-01", 0),
            // c2 by D3
            row("r2", "month", "2026-02-01", 1),
            row("r2", "month", "2026-03-01", 0),
            row("r2", "quarter", "2026-01-01", 1),
            row("r2", "year", "2026-01-01", 1)),
        rows2026(in.model(Q1_2026)).where("rep_id in ('r1', 'r2') and period_start >= '2026-01-01'"));
  }

  @Test
  void aCustomersFirstDealSplitBetweenTwoRepsCountsOnceForItsPrimaryRep() {
    KpiInputs in = new KpiInputs()
        .rep("r1", "t1", "2026-01-01", null).rep("r2", "t1", "2026-01-01", null).team("t1", "north")
        // equal credits: the primary rep is the smaller rep_id, r1
        .won("D1", "c1", "r1", "100.00", "2026-03-01").credit("D1", "r2", "0.5").credit("D1", "r1", "0.5")
        // the largest credit decides: r2
        .won("D2", "c2", "r1", "100.00", "2026-03-02").credit("D2", "r1", "0.3").credit("D2", "r2", "0.7");
    DataFrameAssert.assertSameRows(Frames.of(KEYS + "won_deals int, new_customers int",
            // both reps won both deals, each new customer counts once
            row("r1", "month", "2026-03-01", 2, 1),
            row("r2", "month", "2026-03-01", 2, 1)),
        rows2026(in.model(Q1_2026)).where("period_type = 'month' and period_start = '2026-03-01'"));
  }

  @Test
  void quotaIsTheMonthTargetAndAttainmentRevenueOverQuota() {
    KpiInputs in = new KpiInputs()
        .rep("r1", "t1", "2026-01-01", null).rep("r2", "t1", "2026-01-01", null).team("t1", "north")
        .target("rep", "r1", "month", "2026-01-01", "revenue", "10000")
        .target("rep", "r1", "month", "2026-02-01", "revenue", "10000")
        .target("rep", "r1", "month", "2026-03-01", "revenue", "20000")
        .target("rep", "r1", "year", "2026-01-01", "revenue", "150000")
        .target("rep", "r2", "month", "2026-01-01", "revenue", "5000")
        .target("rep", "r2", "quarter", "2026-01-01", "revenue", "12000")
        // a target for another metric is no quota
        .target("rep", "r2", "month", "2026-02-01", "new_customers", "3")
        .won("D1", "c1", "r1", "5000.00", "2026-01-15")
        .won("D2", "c1", "r1", "30000.00", "2026-03-15");
    DataFrameAssert.assertSameRows(Frames.of(KEYS + "revenue decimal(18,2), quota decimal(18,2), "
            + "attainment decimal(30,20), training_completion decimal(30,20)",
            // 5,000 / 10,000; no course required: training_completion is null
            row("r1", "month", "2026-01-01", "5000.00", "10000.00", "0.5", null),
            row("r1", "month", "2026-02-01", "0.00", "10000.00", "0", null),
            row("r1", "month", "2026-03-01", "30000.00", "20000.00", "1.5", null),
            // no quarter target: 10,000 + 10,000 + 20,000; 35,000 / 40,000
            row("r1", "quarter", "2026-01-01", "35000.00", "40000.00", "0.875", null),
            // the year's own target wins over the sum of months; 35,000 / 150,000
            row("r1", "year", "2026-01-01", "35000.00", "150000.00", "0.23333333333333333333", null),
            row("r2", "month", "2026-01-01", "0.00", "5000.00", "0", null),
            // no revenue target for the month: no quota, no attainment
            row("r2", "month", "2026-02-01", "0.00", null, null, null),
            row("r2", "month", "2026-03-01", "0.00", null, null, null),
            // the quarter's own target, although the months sum to 5,000
            row("r2", "quarter", "2026-01-01", "0.00", "12000.00", "0", null),
            // no year target: the sum of its months' targets
            row("r2", "year", "2026-01-01", "0.00", "5000.00", "0", null)),
        rows2026(in.model(Q1_2026)));
  }

  @Test
  void aQuarterWithoutAQuarterTargetSumsItsMonths() {
    KpiInputs in = new KpiInputs()
        .rep("r1", "t1", "2026-01-01", null).team("t1", "north")
        // only two months have a target: the quarter's quota is their sum
        .target("rep", "r1", "month", "2026-01-01", "revenue", "1000.50")
        .target("rep", "r1", "month", "2026-03-01", "revenue", "2000.26")
        .won("D1", "c1", "r1", "1500.38", "2026-02-15");
    DataFrameAssert.assertSameRows(Frames.of(KEYS + "quota decimal(18,2), attainment decimal(30,20)",
            // 1,000.50 + 2,000.26; revenue 1,500.38 / 3,000.76
            row("r1", "quarter", "2026-01-01", "3000.76", "0.5")),
        rows2026(in.model(Q1_2026)).where("period_type = 'quarter'"));
  }

  @Test
  void trainingCompletionIsRequiredCoursesPassedByThePeriodsEnd() {
    KpiInputs in = new KpiInputs()
        .rep("r1", "t1", "2026-01-01", null).rep("r2", "t1", "2026-01-01", null).team("t1", "north")
        .training("r1", "A", "2026-01-15", true)
        .training("r1", "B", "2026-02-01", false)
        .training("r1", "B", "2026-02-20", true)
        // passing A again, or a course nobody requires, changes nothing
        .training("r1", "A", "2026-03-01", true)
        .training("r1", "C", "2026-01-02", true)
        // passed after the logical date: not known yet
        .training("r2", "A", "2026-04-01", true);
    DataFrameAssert.assertSameRows(Frames.of(KEYS + "training_completion decimal(30,20)",
            // A of A, B
            row("r1", "month", "2026-01-01", "0.5"),
            // B passed on its second attempt
            row("r1", "month", "2026-02-01", "1"),
            row("r1", "month", "2026-03-01", "1"),
            // by the quarter's and the year's end (to date): both
            row("r1", "quarter", "2026-01-01", "1"),
            row("r1", "year", "2026-01-01", "1"),
            row("r2", "month", "2026-01-01", "0"),
            row("r2", "month", "2026-02-01", "0"),
            row("r2", "month", "2026-03-01", "0"),
            row("r2", "quarter", "2026-01-01", "0"),
            row("r2", "year", "2026-01-01", "0")),
        rows2026(in.model(Q1_2026, List.of("A", "B"))));
  }

  @Test
  void retentionIsTheShareOfTheBookActiveBeforeThePeriodStillActiveAtItsEnd() {
    DataFrameAssert.assertSameRows(Frames.of(KEYS + "retention_rate decimal(30,20)",
            // active in December: c1, c2, c3; of them c1 and c2 in January
            row("r1", "month", "2026-01-01", "0.66666666666666666667"),
            // active in January: c1, c2, c4; in February c1 and c4 (c2 has no snapshot: not active)
            row("r1", "month", "2026-02-01", "0.66666666666666666667"),
            // active in February: c1, c3, c4, all active in March
            row("r1", "month", "2026-03-01", "1"),
            // active in December: c1, c2, c3; in March, the quarter's last month: c1, c3
            row("r1", "quarter", "2026-01-01", "0.66666666666666666667"),
            // the year to date: December 2025 against March 2026, the run's last month
            row("r1", "year", "2026-01-01", "0.66666666666666666667")),
        rows2026(retentionFixture().model(Q1_2026)).where("rep_id = 'r1'"));
  }

  @Test
  void aRepWithNoBookHasNoRetention() {
    DataFrameAssert.assertSameRows(Frames.of(KEYS + "retention_rate decimal(30,20)",
            // r2 owns no customer: null, not 0
            row("r2", "month", "2026-01-01", null),
            row("r2", "month", "2026-02-01", null),
            row("r2", "month", "2026-03-01", null),
            row("r2", "quarter", "2026-01-01", null),
            row("r2", "year", "2026-01-01", null)),
        rows2026(retentionFixture().model(Q1_2026)).where("rep_id = 'r2'"));
  }

  private static KpiInputs retentionFixture() {
    return new KpiInputs()
        .rep("r1", "t1", "2026-01-01", null).rep("r2", "t1", "2026-01-01", null).team("t1", "north")
        .customer("c1", "r1").customer("c2", "r1").customer("c3", "r1").customer("c4", "r1")
        .snapshot("c1", "2025-12-01", true).snapshot("c2", "2025-12-01", true)
        .snapshot("c3", "2025-12-01", true).snapshot("c4", "2025-12-01", false)
        .snapshot("c1", "2026-01-01", true).snapshot("c2", "2026-01-01", true)
        .snapshot("c3", "2026-01-01", false).snapshot("c4", "2026-01-01", true)
        .snapshot("c1", "2026-02-01", true).snapshot("c3", "2026-02-01", true).snapshot("c4", "2026-02-01", true)
        .snapshot("c1", "2026-03-01", true).snapshot("c2", "2026-03-01", false)
        .snapshot("c3", "2026-03-01", true).snapshot("c4", "2026-03-01", true)
        // after the run's last month: not used
        .snapshot("c2", "2026-04-01", true);
  }

  @Test
  void scorecardScoreOfTheWorkedExample() {
    KpiInputs in = new KpiInputs()
        .rep("r1", "t1", "2026-01-01", null).rep("r2", "t1", "2026-01-01", null).team("t1", "north")
        // revenue 110,000 against a quarter quota of 100,000: 1.1
        .target("rep", "r1", "quarter", "2026-01-01", "revenue", "100000")
        .won("D1", "c1", "r1", "20000.00", "2026-01-10").won("D2", "c2", "r1", "30000.00", "2026-01-20")
        .won("D3", "c3", "r1", "25000.00", "2026-02-10").won("D4", "c4", "r1", "35000.00", "2026-03-10")
        // 4 new customers against 5: 0.8
        .target("rep", "r1", "quarter", "2026-01-01", "new_customers", "5")
        // csat 21 / 5 = 4.2 against 4.5: 0.9333...
        .target("rep", "r1", "quarter", "2026-01-01", "csat", "4.5")
        .survey("S1", "c1", null, "r1", "2026-01-11", 5).survey("S2", "c1", null, "r1", "2026-01-12", 4)
        .survey("S3", "c2", null, "r1", "2026-02-11", 4).survey("S4", "c3", null, "r1", "2026-02-12", 4)
        .survey("S5", "c4", null, "r1", "2026-03-11", 4)
        // complaint rate 1 / 4 = 0.25 against 0.5, lower is better: 2.0, capped at 1.5
        .target("rep", "r1", "quarter", "2026-01-01", "complaint_rate", "0.5")
        // retention: no target, left out; r2 has no target and no quota at all
        .complaint("K1", "c1", null, "r1", "2026-02-01");
    DataFrameAssert.assertSameRows(Frames.of(KEYS + "scorecard_score decimal(30,20)",
            // (0.5 * 1.1 + 0.2 * 0.8 + 0.15 * 0.93333333333333333333 + 0.1 * 1.5) / 0.95
            // = 0.9999999999999999999995 / 0.95 = 1.05263157894736842105 (the spec's 1.0526315789...)
            row("r1", "quarter", "2026-01-01", "1.05263157894736842105"),
            // no KPI has both a target and an actual: no score
            row("r2", "quarter", "2026-01-01", null),
            // months and years have no scorecard
            row("r1", "month", "2026-01-01", null),
            row("r1", "year", "2026-01-01", null)),
        rows2026(in.model(Q1_2026)).where("period_type = 'quarter' or (rep_id = 'r1' and period_start = '2026-01-01')"));
  }

  @Test
  void trainingScoreIsThePeriodsAverageExamScoreAgainstItsTarget() {
    org.salescomp.domain.PlanVersion v = org.salescomp.testing.TestPlans.version(
        org.salescomp.testing.TestPlans.workedExample(org.salescomp.domain.TierMode.MARGINAL));
    org.salescomp.domain.ScorecardRules sc = v.scorecard();
    org.salescomp.domain.PlanVersion withTraining = new org.salescomp.domain.PlanVersion(v.effectiveFrom(),
        v.commission(), v.cxModifier(), v.clawback(), v.newHire(),
        new org.salescomp.domain.ScorecardRules(sc.targetBonusQuarterly(), sc.threshold(), sc.maxMultiplier(),
            sc.kpiScoreCap(), java.util.List.of(
                new org.salescomp.domain.ScorecardKpi("revenue", new java.math.BigDecimal("0.5"), false),
                new org.salescomp.domain.ScorecardKpi("training_score", new java.math.BigDecimal("0.5"), false))),
        v.mentor(), "training");
    KpiInputs in = new KpiInputs()
        .rep("r1", "t1", "2025-01-01", null).team("t1", "north")
        .target("rep", "r1", "quarter", "2026-01-01", "revenue", "100000")
        .won("D1", "c1", "r1", "110000.00", "2026-01-10")
        .target("rep", "r1", "quarter", "2026-01-01", "training_score", "52")
        // exams of the quarter, passed (90) or not (40): (90 + 40 + 90 + 40) / 4 = 65, against 52: 1.25
        .training("r1", "A", "2026-01-15", true).training("r1", "B", "2026-02-01", false)
        .training("r1", "B", "2026-02-20", true).training("r1", "C", "2026-03-31", false)
        // outside the quarter: not counted
        .training("r1", "D", "2025-12-31", false).training("r1", "D", "2026-04-01", true);
    DataFrameAssert.assertSameRows(Frames.of(KEYS + "scorecard_score decimal(30,20)",
            // revenue 110,000 / 100,000 = 1.1: (0.5 * 1.1 + 0.5 * 1.25) / 1 = 1.175
            row("r1", "quarter", "2026-01-01", "1.17500000000000000000")),
        rows2026(in.model(RunScope.backfill(YearMonth.of(2026, 1), YearMonth.of(2026, 4)), java.util.List.of(),
            withTraining)).where("period_type = 'quarter' and period_start = '2026-01-01'"));
  }

  @Test
  void publishedColumnsInTheContractsOrderAndTypes() {
    Dataset<Row> rows = new KpiInputs().rep("r1", "t1", "2026-01-01", null).model(Q1_2026).repPeriods();
    assertThat(rows.schema().catalogString()).isEqualTo("struct<rep_id:string,period_type:string,"
        + "period_start:date,team_id:string,region:string,revenue:decimal(18,2),won_deals:int,"
        + "cancelled_amount:decimal(18,2),new_customers:int,csat_avg:decimal(30,20),csat_responses:int,"
        + "complaints:int,complaint_rate:decimal(30,20),retention_rate:decimal(30,20),"
        + "training_completion:decimal(30,20),quota:decimal(18,2),attainment:decimal(30,20),"
        + "scorecard_score:decimal(30,20)>");
  }
}
