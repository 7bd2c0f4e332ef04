package org.salescomp.engine;

import static org.salescomp.testing.Frames.row;
import static org.salescomp.testing.TestPlans.d;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.domain.CommissionRules;
import org.salescomp.domain.Tier;
import org.salescomp.domain.TierMode;
import org.salescomp.testing.DataFrameAssert;
import org.salescomp.testing.Frames;
import org.salescomp.testing.TestPlans;

/** Step 2 of a rep-month: commission lines, from the spec's worked examples and the band edges. */
@Tag("fast")
class DealCommissionLinesTest {
  private static final String DEALS = "deal_id string, rep_id string, month date, close_date date, "
      + "product_category string, channel string, credited_amount decimal(18,2)";
  private static final String REP_MONTHS = "rep_id string, month date, active_days int, days_in_month int, "
      + "team_id string, role string, plan_id string, hire_date date, mentor_id string, month_index int";
  private static final String QUOTAS = "rep_id string, month date, quota decimal(18,2)";
  private static final String EXPECTED = "deal_id string, tier int, amount decimal(18,2), explanation string";

  /** The spec's three deals: D1 30,000 software, D2 40,000 hardware, D3 50,000 services, all in January. */
  private static Dataset<Row> workedExampleDeals() {
    return Frames.of(DEALS,
        row("D1", "r1", "2026-01-01", "2026-01-05", "software", "direct", "30000.00"),
        row("D2", "r1", "2026-01-01", "2026-01-12", "hardware", "direct", "40000.00"),
        row("D3", "r1", "2026-01-01", "2026-01-20", "services", "direct", "50000.00"));
  }

  /** A tenured rep (month index 24) on plan p in January 2026. */
  private static Dataset<Row> repMonth(int monthIndex) {
    return Frames.of(REP_MONTHS, row("r1", "2026-01-01", 31, 31, "t1", "account-executive", "p", "2024-01-01",
        null, monthIndex));
  }

  private static Dataset<Row> quota(String amount) {
    return Frames.of(QUOTAS, row("r1", "2026-01-01", amount));
  }

  private static Dataset<Row> lines(Dataset<Row> deals, CommissionRules rules, Dataset<Row> quota, int monthIndex) {
    Dataset<Row> plans = RepMonthPlans.build(repMonth(monthIndex), TestPlans.planTable(TestPlans.version(rules)));
    return DealCommissionLines.build(deals, plans, quota);
  }

  @Test
  void marginalWorkedExample() {
    Dataset<Row> expected = Frames.of(EXPECTED,
        // 30,000 * 2% * 1.2
        row("D1", 1, "720.00", "D1 software ×1.2: 30,000.00 in tier 1 at 2% = 720.00"),
        // (20,000 * 2% + 20,000 * 5%) * 0.8: the deal crosses 50% of quota
        row("D2", 2, "1120.00",
            "D2 hardware ×0.8: 20,000.00 in tier 1 at 2% + 20,000.00 in tier 2 at 5% = 1,120.00"),
        // 30,000 * 5% + 20,000 * 8%: crosses 100% of quota into the accelerator
        row("D3", 3, "3100.00",
            "D3 services: 30,000.00 in tier 2 at 5% + 20,000.00 in tier 3 at 8% = 3,100.00"));
    DataFrameAssert.assertSameRows(expected,
        lines(workedExampleDeals(), TestPlans.workedExample(TierMode.MARGINAL), quota("100000.00"), 24));
  }

  @Test
  void retroactiveWorkedExample() {
    Dataset<Row> expected = Frames.of(EXPECTED,
        // final attainment 1.2 puts every deal at 8%: 30,000 * 8% * 1.2
        row("D1", 3, "2880.00", "D1 software ×1.2: 30,000.00 at 8% (tier 3 of final attainment 1.2) = 2,880.00"),
        // 40,000 * 8% * 0.8
        row("D2", 3, "2560.00", "D2 hardware ×0.8: 40,000.00 at 8% (tier 3 of final attainment 1.2) = 2,560.00"),
        // 50,000 * 8%
        row("D3", 3, "4000.00", "D3 services: 50,000.00 at 8% (tier 3 of final attainment 1.2) = 4,000.00"));
    DataFrameAssert.assertSameRows(expected,
        lines(workedExampleDeals(), TestPlans.workedExample(TierMode.RETROACTIVE), quota("100000.00"), 24));
  }

  @Test
  void attainmentExactlyOnABandEdgeTakesTheUpperBand() {
    // revenue 120,000 against a quota of 120,000: attainment exactly 1.0 belongs to the 8% band
    Dataset<Row> expected = Frames.of(EXPECTED,
        row("D1", 3, "2880.00", "D1 software ×1.2: 30,000.00 at 8% (tier 3 of final attainment 1) = 2,880.00"),
        row("D2", 3, "2560.00", "D2 hardware ×0.8: 40,000.00 at 8% (tier 3 of final attainment 1) = 2,560.00"),
        row("D3", 3, "4000.00", "D3 services: 50,000.00 at 8% (tier 3 of final attainment 1) = 4,000.00"));
    DataFrameAssert.assertSameRows(expected,
        lines(workedExampleDeals(), TestPlans.workedExample(TierMode.RETROACTIVE), quota("120000.00"), 24));
  }

  @Test
  void aDealStraddlingThreeBands() {
    // one services deal of 150,000 against 100,000: 50,000 at 2% + 50,000 at 5% + 50,000 at 8%
    Dataset<Row> deal = Frames.of(DEALS, row("D9", "r1", "2026-01-01", "2026-01-09", "services", "direct",
        "150000.00"));
    Dataset<Row> expected = Frames.of(EXPECTED, row("D9", 3, "7500.00",
        "D9 services: 50,000.00 in tier 1 at 2% + 50,000.00 in tier 2 at 5% + 50,000.00 in tier 3 at 8% = 7,500.00"));
    DataFrameAssert.assertSameRows(expected,
        lines(deal, TestPlans.workedExample(TierMode.MARGINAL), quota("100000.00"), 24));
  }

  @Test
  void aPlanWithFewerTiersThanAnotherInTheRunReadsOnlyItsOwn() {
    // r1 on p (the worked example's three tiers), r2 and r3 on two-tier plans (2% / 5% from 1.0), marginal and
    // retroactive: the lookups run up to three tiers on every row, and a missing third tier must not count
    CommissionRules p = TestPlans.workedExample(TierMode.MARGINAL);
    List<Tier> twoTiers = List.of(new Tier(d("0"), d("0.02")), new Tier(d("1.0"), d("0.05")));
    CommissionRules q = new CommissionRules(TierMode.MARGINAL, twoTiers, p.productMultipliers(),
        p.channelMultipliers(), d("0"), null);
    CommissionRules r = new CommissionRules(TierMode.RETROACTIVE, twoTiers, p.productMultipliers(),
        p.channelMultipliers(), d("0"), null);
    Dataset<Row> planTable = TestPlans.planTable(Map.of(
        "p", TestPlans.version(p), "q", TestPlans.version(q), "r", TestPlans.version(r)));
    Dataset<Row> repMonths = Frames.of(REP_MONTHS,
        row("r1", "2026-01-01", 31, 31, "t1", "account-executive", "p", "2024-01-01", null, 24),
        row("r2", "2026-01-01", 31, 31, "t1", "account-executive", "q", "2024-01-01", null, 24),
        row("r3", "2026-01-01", 31, 31, "t1", "account-executive", "r", "2024-01-01", null, 24));
    Dataset<Row> quotas = Frames.of(QUOTAS, row("r1", "2026-01-01", "100000.00"),
        row("r2", "2026-01-01", "100000.00"), row("r3", "2026-01-01", "100000.00"));
    Dataset<Row> deals = Frames.of(DEALS,
        row("D1", "r1", "2026-01-01", "2026-01-09", "services", "direct", "150000.00"),
        row("D2", "r2", "2026-01-01", "2026-01-09", "services", "direct", "150000.00"),
        row("D3", "r3", "2026-01-01", "2026-01-09", "services", "direct", "150000.00"));
    Dataset<Row> expected = Frames.of(EXPECTED,
        row("D1", 3, "7500.00",
            "D1 services: 50,000.00 in tier 1 at 2% + 50,000.00 in tier 2 at 5% + 50,000.00 in tier 3 at 8% = 7,500.00"),
        // 100,000 * 2% + 50,000 * 5%
        row("D2", 2, "4500.00", "D2 services: 100,000.00 in tier 1 at 2% + 50,000.00 in tier 2 at 5% = 4,500.00"),
        // final attainment 1.5 reaches tier 2: 150,000 * 5%
        row("D3", 2, "7500.00", "D3 services: 150,000.00 at 5% (tier 2 of final attainment 1.5) = 7,500.00"));
    DataFrameAssert.assertSameRows(expected,
        DealCommissionLines.build(deals, RepMonthPlans.build(repMonths, planTable), quotas));
  }

  @Test
  void dealsOnTheSameDayAreOrderedByDealId() {
    // same close date: D-A fills the first band before D-B
    Dataset<Row> deals = Frames.of(DEALS,
        row("D-B", "r1", "2026-01-01", "2026-01-09", "services", "direct", "50000.00"),
        row("D-A", "r1", "2026-01-01", "2026-01-09", "services", "direct", "50000.00"));
    Dataset<Row> expected = Frames.of(EXPECTED,
        row("D-A", 1, "1000.00", "D-A services: 50,000.00 in tier 1 at 2% = 1,000.00"),
        row("D-B", 2, "2500.00", "D-B services: 50,000.00 in tier 2 at 5% = 2,500.00"));
    DataFrameAssert.assertSameRows(expected,
        lines(deals, TestPlans.workedExample(TierMode.MARGINAL), quota("100000.00"), 24));
  }

  @Test
  void gateExactlyAtTheThresholdPasses() {
    CommissionRules gated = withGate(TierMode.MARGINAL, "0.3");
    // 30,000 of 100,000 is exactly the gate of 0.3: paid
    Dataset<Row> deal = Frames.of(DEALS, row("D1", "r1", "2026-01-01", "2026-01-05", "services", "direct", "30000.00"));
    DataFrameAssert.assertSameRows(
        Frames.of(EXPECTED, row("D1", 1, "600.00", "D1 services: 30,000.00 in tier 1 at 2% = 600.00")),
        lines(deal, gated, quota("100000.00"), 24));
  }

  @Test
  void belowTheGateEveryLineIsZero() {
    CommissionRules gated = withGate(TierMode.MARGINAL, "0.3");
    // 29,999.99 of 100,000 is just under the gate
    Dataset<Row> deals = Frames.of(DEALS,
        row("D1", "r1", "2026-01-01", "2026-01-05", "services", "direct", "20000.00"),
        row("D2", "r1", "2026-01-01", "2026-01-06", "software", "direct", "9999.99"));
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED,
            row("D1", 1, "0.00", "below gate"),
            row("D2", 1, "0.00", "below gate")),
        lines(deals, gated, quota("100000.00"), 24));
  }

  @Test
  void withoutQuotaLinesAreHeldAtZero() {
    Dataset<Row> noQuota = Frames.of(QUOTAS);
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED,
            row("D1", null, "0.00", "held: no revenue quota"),
            row("D2", null, "0.00", "held: no revenue quota"),
            row("D3", null, "0.00", "held: no revenue quota")),
        lines(workedExampleDeals(), TestPlans.workedExample(TierMode.MARGINAL), noQuota, 24));
  }

  @Test
  void aZeroQuotaIsNoQuota() {
    // attainment against 0 is undefined: held like a missing quota
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED,
            row("D1", null, "0.00", "held: no revenue quota"),
            row("D2", null, "0.00", "held: no revenue quota"),
            row("D3", null, "0.00", "held: no revenue quota")),
        lines(workedExampleDeals(), TestPlans.workedExample(TierMode.MARGINAL), quota("0.00"), 24));
  }

  @Test
  void newHireMultiplierAppliesInProtectedMonthsOnly() {
    Dataset<Row> deal = Frames.of(DEALS, row("D1", "r1", "2026-01-01", "2026-01-05", "partner-deal", "partner",
        "10000.00"));
    // month index 2 is the last protected month of three: 10,000 * 2% * 1.0 (default product) * 0.7 * 1.25 = 175.00
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED, row("D1", 1, "175.00",
            "D1 partner-deal, partner ×0.7, new hire ×1.25: 10,000.00 in tier 1 at 2% = 175.00")),
        lines(deal, TestPlans.workedExample(TierMode.MARGINAL), quota("100000.00"), 2));
    // month index 3: protection over, 10,000 * 2% * 0.7 = 140.00
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED, row("D1", 1, "140.00",
            "D1 partner-deal, partner ×0.7: 10,000.00 in tier 1 at 2% = 140.00")),
        lines(deal, TestPlans.workedExample(TierMode.MARGINAL), quota("100000.00"), 3));
  }

  @Test
  void roundingIsHalfUpOncePerLine() {
    // 333.33 * 2% * 1.2 = 7.99992 -> 8.00; 0.25 * 2% = 0.005 exactly -> 0.01 (half up, not half even)
    Dataset<Row> deals = Frames.of(DEALS,
        row("D1", "r1", "2026-01-01", "2026-01-05", "software", "direct", "333.33"),
        row("D2", "r1", "2026-01-01", "2026-01-06", "services", "direct", "0.25"));
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED,
            row("D1", 1, "8.00", "D1 software ×1.2: 333.33 in tier 1 at 2% = 8.00"),
            row("D2", 1, "0.01", "D2 services: 0.25 in tier 1 at 2% = 0.01")),
        lines(deals, TestPlans.workedExample(TierMode.MARGINAL), quota("100000.00"), 24));
  }

  private static CommissionRules withGate(TierMode mode, String gate) {
    CommissionRules base = TestPlans.workedExample(mode);
    return new CommissionRules(base.tierMode(), base.tiers(), base.productMultipliers(), base.channelMultipliers(),
        d(gate), base.monthlyCap());
  }


  @Test
  void aQuotaRampLowersTheQuotaOfTiersAndGateInTheFirstMonthIndexes() {
    // ramp [0.25, 0.5]: the quota 100,000.00 is 25,000.00 in month index 0, 50,000.00 in 1, 100,000.00 from 2
    CommissionRules rules = TestPlans.workedExample(TierMode.MARGINAL);
    org.salescomp.domain.PlanVersion v = TestPlans.version(rules, new org.salescomp.domain.NewHireRules(0,
        d("1.000000"), d("0.00"), java.util.List.of(d("0.250000"), d("0.500000"))));
    Dataset<Row> deals = Frames.of(DEALS,
        row("D1", "r1", "2026-01-01", "2026-01-05", "software", "direct", "30000.00"),
        row("D2", "r1", "2026-01-01", "2026-01-12", "hardware", "direct", "40000.00"));
    java.util.function.IntFunction<Dataset<Row>> at = index -> DealCommissionLines.build(deals,
        RepMonthPlans.build(repMonth(index), TestPlans.planTable(v)), quota("100000.00"))
        .select("deal_id", "tier", "amount");
    String schema = "deal_id string, tier int, amount decimal(18,2)";
    // index 0, Q = 25,000: D1 (12,500 * 2% + 12,500 * 5% + 5,000 * 8%) * 1.2 = 1,275 * 1.2 = 1,530.00;
    // D2 40,000 * 8% * 0.8 = 2,560.00
    DataFrameAssert.assertSameRows(Frames.of(schema, row("D1", 3, "1530.00"), row("D2", 3, "2560.00")), at.apply(0));
    // index 1, Q = 50,000: D1 (25,000 * 2% + 5,000 * 5%) * 1.2 = 900.00; D2 (20,000 * 5% + 20,000 * 8%) * 0.8 = 2,080.00
    DataFrameAssert.assertSameRows(Frames.of(schema, row("D1", 2, "900.00"), row("D2", 3, "2080.00")), at.apply(1));
    // index 2, past the ramp: the worked example's 720.00 and 1,120.00
    DataFrameAssert.assertSameRows(Frames.of(schema, row("D1", 1, "720.00"), row("D2", 2, "1120.00")), at.apply(2));
  }

  @Test
  void theGateComparesAttainmentAgainstTheRampedQuota() {
    // gate 0.5, ramp [0.5]: revenue 30,000 is 0.6 of the ramped 50,000 (paid), only 0.3 of 100,000 unramped
    CommissionRules base = TestPlans.workedExample(TierMode.MARGINAL);
    CommissionRules gated = new CommissionRules(base.tierMode(), base.tiers(), base.productMultipliers(),
        base.channelMultipliers(), d("0.5"), null);
    org.salescomp.domain.PlanVersion v = TestPlans.version(gated, new org.salescomp.domain.NewHireRules(0,
        d("1.000000"), d("0.00"), java.util.List.of(d("0.500000"))));
    Dataset<Row> deals = Frames.of(DEALS, row("D1", "r1", "2026-01-01", "2026-01-05", "services", "direct", "30000.00"));
    // 25,000 * 2% + 5,000 * 5% = 750.00 in month index 0; below the gate in index 1
    DataFrameAssert.assertSameRows(Frames.of("deal_id string, amount decimal(18,2)", row("D1", "750.00")),
        DealCommissionLines.build(deals, RepMonthPlans.build(repMonth(0), TestPlans.planTable(v)), quota("100000.00"))
            .select("deal_id", "amount"));
    DataFrameAssert.assertSameRows(Frames.of("deal_id string, amount decimal(18,2), explanation string",
            row("D1", "0.00", "below gate")),
        DealCommissionLines.build(deals, RepMonthPlans.build(repMonth(1), TestPlans.planTable(v)), quota("100000.00"))
            .select("deal_id", "amount", "explanation_key", "explanation_args"));
  }
}
