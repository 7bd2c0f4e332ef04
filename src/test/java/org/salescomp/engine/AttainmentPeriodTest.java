package org.salescomp.engine;

import static org.salescomp.testing.Frames.row;
import static org.salescomp.testing.TestPlans.d;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.domain.AttainmentPeriod;
import org.salescomp.domain.CommissionRules;
import org.salescomp.domain.TierMode;
import org.salescomp.intermediate.PeriodQuotas;
import org.salescomp.testing.DataFrameAssert;
import org.salescomp.testing.Frames;
import org.salescomp.testing.TestPlans;

/**
 * {@code commission.attainment-period = quarter | year}: tiers and the gate on period-to-date attainment against
 * the period's quota, each deal line paid in its close month, and the retroactive true-up in the period's last
 * month. Tiers of the worked examples: 2% from 0, 5% from 0.5, 8% from 1.0; software ×1.2, services ×1.
 */
@Tag("fast")
class AttainmentPeriodTest {
  private static final String DEALS = "deal_id string, rep_id string, month date, close_date date, "
      + "product_category string, channel string, credited_amount decimal(18,2)";
  private static final String REP_MONTHS = "rep_id string, month date, active_days int, days_in_month int, "
      + "team_id string, role string, plan_id string, hire_date date, mentor_id string, month_index int";
  private static final String QUOTAS = "rep_id string, month date, quota decimal(18,2)";
  private static final String PERIOD_QUOTAS = "rep_id string, period_type string, period_start date, "
      + "quota decimal(18,2)";
  private static final String LINES = "deal_id string, month date, tier int, amount decimal(18,2), explanation string";
  private static final String TRUE_UP = "rep_id string, month date, line_type string, amount decimal(18,2), "
      + "explanation string";

  /** Q1 2026: D1 120,000 services in January, D2 60,000 services in February, D3 150,000 software in March. */
  private static Dataset<Row> quarterDeals() {
    return Frames.of(DEALS,
        row("D1", "r1", "2026-01-01", "2026-01-10", "services", "direct", "120000.00"),
        row("D2", "r1", "2026-02-01", "2026-02-05", "services", "direct", "60000.00"),
        row("D3", "r1", "2026-03-01", "2026-03-03", "software", "direct", "150000.00"));
  }

  /** A tenured rep's months (month index 24 on) on plan p. */
  private static Dataset<Row> repMonths(String... months) {
    Object[][] rows = new Object[months.length][];
    for (int i = 0; i < months.length; i++) {
      rows[i] = row("r1", months[i], 30, 30, "t1", "account-executive", "p", "2024-01-01", null, 24 + i);
    }
    return Frames.of(REP_MONTHS, rows);
  }

  /** Monthly quotas of 100,000.00 in Q1 and the quarter's own target of 300,000.00 (not the months' sum). */
  private static Dataset<Row> monthQuotas() {
    return Frames.of(QUOTAS, row("r1", "2026-01-01", "100000.00"), row("r1", "2026-02-01", "100000.00"),
        row("r1", "2026-03-01", "100000.00"));
  }

  private static Dataset<Row> quarterQuota() {
    return Frames.of(PERIOD_QUOTAS, row("r1", "quarter", "2026-01-01", "300000.00"));
  }

  private static CommissionRules rules(TierMode mode, String gate, AttainmentPeriod period) {
    CommissionRules base = TestPlans.workedExample(mode);
    return new CommissionRules(mode, base.tiers(), base.productMultipliers(), base.channelMultipliers(), d(gate),
        null, period);
  }

  private static Dataset<Row> planTable(CommissionRules rules) {
    return TestPlans.planTable(TestPlans.version(rules));
  }

  private static Dataset<Row> dealLines(Dataset<Row> deals, CommissionRules rules, Dataset<Row> repMonths,
      Dataset<Row> quotas, Dataset<Row> periodQuotas) {
    return DealCommissionLines.build(deals, RepMonthPlans.build(repMonths, planTable(rules)), quotas, periodQuotas);
  }

  /** The true-up lines of the rep-months given, where {@code payMonths} are the months the run pays. */
  private static Dataset<Row> trueUps(Dataset<Row> deals, CommissionRules rules, Dataset<Row> repMonths,
      Dataset<Row> payMonths, Dataset<Row> quotas, Dataset<Row> periodQuotas) {
    Dataset<Row> plans = RepMonthPlans.build(repMonths, planTable(rules));
    Dataset<Row> positioned = DealCommissionLines.positioned(deals, quotas, AttainmentPeriods.longerPeriods(plans));
    return CommissionTrueUpLines.build(DealCommissionLines.repricedPeriods(positioned, plans, planTable(rules), quotas,
        periodQuotas), RepMonthPlans.build(payMonths, planTable(rules)));
  }

  @Test
  void marginalQuarterTiersCrossMidQuarterAndADealStraddlesAQuarterBand() {
    // Q = 300,000: band 1 [0, 150,000), band 2 [150,000, 300,000), band 3 from 300,000 of the quarter to date
    DataFrameAssert.assertSameRows(Frames.of(LINES,
            // [0, 120,000): 120,000 * 2% = 2,400.00 (on January's own quota of 100,000 it would reach 8%)
            row("D1", "2026-01-01", 1, "2400.00", "D1 services: 120,000.00 in tier 1 at 2% = 2,400.00"),
            // [120,000, 180,000) straddles 150,000: 30,000 * 2% + 30,000 * 5% = 600 + 1,500 = 2,100.00
            row("D2", "2026-02-01", 2, "2100.00",
                "D2 services: 30,000.00 in tier 1 at 2% + 30,000.00 in tier 2 at 5% = 2,100.00"),
            // [180,000, 330,000): (120,000 * 5% + 30,000 * 8%) * 1.2 = (6,000 + 2,400) * 1.2 = 10,080.00
            row("D3", "2026-03-01", 3, "10080.00",
                "D3 software ×1.2: 120,000.00 in tier 2 at 5% + 30,000.00 in tier 3 at 8% = 10,080.00")),
        dealLines(quarterDeals(), rules(TierMode.MARGINAL, "0", AttainmentPeriod.QUARTER),
            repMonths("2026-01-01", "2026-02-01", "2026-03-01"), monthQuotas(), quarterQuota()));
    // marginal tiers never true up: each slice kept its band
    DataFrameAssert.assertSameRows(Frames.of(TRUE_UP),
        trueUps(quarterDeals(), rules(TierMode.MARGINAL, "0", AttainmentPeriod.QUARTER),
            repMonths("2026-01-01", "2026-02-01", "2026-03-01"), repMonths("2026-01-01", "2026-02-01", "2026-03-01"),
            monthQuotas(), quarterQuota()));
  }

  @Test
  void retroactiveQuarterPaysEachMonthAtTheBandToDateAndTruesUpInTheQuartersLastMonth() {
    CommissionRules rules = rules(TierMode.RETROACTIVE, "0", AttainmentPeriod.QUARTER);
    Dataset<Row> months = repMonths("2026-01-01", "2026-02-01", "2026-03-01");
    DataFrameAssert.assertSameRows(Frames.of(LINES,
            // January's end: 120,000 / 300,000 = 0.4, tier 1: 120,000 * 2% = 2,400.00
            row("D1", "2026-01-01", 1, "2400.00",
                "D1 services: 120,000.00 at 2% (tier 1 of final attainment 0.4) = 2,400.00"),
            // February's end: 180,000 / 300,000 = 0.6, tier 2: 60,000 * 5% = 3,000.00
            row("D2", "2026-02-01", 2, "3000.00",
                "D2 services: 60,000.00 at 5% (tier 2 of final attainment 0.6) = 3,000.00"),
            // March's end: 330,000 / 300,000 = 1.1, tier 3: 150,000 * 8% * 1.2 = 14,400.00
            row("D3", "2026-03-01", 3, "14400.00",
                "D3 software ×1.2: 150,000.00 at 8% (tier 3 of final attainment 1.1) = 14,400.00")),
        dealLines(quarterDeals(), rules, months, monthQuotas(), quarterQuota()));
    // re-priced at 8%: 120,000 * 8% + 60,000 * 8% + 150,000 * 8% * 1.2 = 9,600 + 4,800 + 14,400 = 28,800.00;
    // paid 2,400 + 3,000 + 14,400 = 19,800.00; true-up 28,800 - 19,800 = 9,000.00 in March
    DataFrameAssert.assertSameRows(Frames.of(TRUE_UP, row("r1", "2026-03-01", "commission_true_up", "9000.00",
            "true-up of the quarter from January 2026: 3 deals, 330,000.00 credited, re-priced at 8% (tier 3 of final"
                + " attainment 1.1) = 28,800.00 less 19,800.00 paid")),
        trueUps(quarterDeals(), rules, months, months, monthQuotas(), quarterQuota()));
    // a run that pays only January and February makes no true-up yet: the quarter has not ended
    DataFrameAssert.assertSameRows(Frames.of(TRUE_UP),
        trueUps(quarterDeals(), rules, months, repMonths("2026-01-01", "2026-02-01"), monthQuotas(), quarterQuota()));
  }

  @Test
  void theGateReadsQuarterToDateAttainmentAndTheTrueUpPaysWhatTheGateHeldBack() {
    // gate 0.5; D1 120,000 in January, D2 40,000 in February, nothing in March
    Dataset<Row> deals = Frames.of(DEALS,
        row("D1", "r1", "2026-01-01", "2026-01-10", "services", "direct", "120000.00"),
        row("D2", "r1", "2026-02-01", "2026-02-05", "services", "direct", "40000.00"));
    Dataset<Row> months = repMonths("2026-01-01", "2026-02-01", "2026-03-01");
    CommissionRules retroactive = rules(TierMode.RETROACTIVE, "0.5", AttainmentPeriod.QUARTER);
    DataFrameAssert.assertSameRows(Frames.of(LINES,
            // 120,000 / 300,000 = 0.4 < 0.5
            row("D1", "2026-01-01", 1, "0.00", "below gate"),
            // 160,000 / 300,000 = 0.5333 passes, though February's 40,000 is 0.4 of its own month's quota:
            // 40,000 * 5% = 2,000.00
            row("D2", "2026-02-01", 2, "2000.00",
                "D2 services: 40,000.00 at 5% (tier 2 of final attainment 0.533333) = 2,000.00")),
        dealLines(deals, retroactive, months, monthQuotas(), quarterQuota()));
    // final 0.5333, tier 2: 120,000 * 5% + 40,000 * 5% = 8,000.00, paid 0 + 2,000.00: 6,000.00 in March, a
    // month without deals
    DataFrameAssert.assertSameRows(Frames.of(TRUE_UP, row("r1", "2026-03-01", "commission_true_up", "6000.00",
            "true-up of the quarter from January 2026: 2 deals, 160,000.00 credited, re-priced at 5% (tier 2 of final"
                + " attainment 0.533333) = 8,000.00 less 2,000.00 paid")),
        trueUps(deals, retroactive, months, months, monthQuotas(), quarterQuota()));
    // marginal: January stays unpaid (no true-up); February's [120,000, 160,000): 30,000 * 2% + 10,000 * 5% = 1,100.00
    CommissionRules marginal = rules(TierMode.MARGINAL, "0.5", AttainmentPeriod.QUARTER);
    DataFrameAssert.assertSameRows(Frames.of(LINES,
            row("D1", "2026-01-01", 1, "0.00", "below gate"),
            row("D2", "2026-02-01", 2, "1100.00",
                "D2 services: 30,000.00 in tier 1 at 2% + 10,000.00 in tier 2 at 5% = 1,100.00")),
        dealLines(deals, marginal, months, monthQuotas(), quarterQuota()));
    // a quarter that ends below the gate (0.6 > 0.5333) paid nothing and trues up nothing
    DataFrameAssert.assertSameRows(Frames.of(TRUE_UP),
        trueUps(deals, rules(TierMode.RETROACTIVE, "0.6", AttainmentPeriod.QUARTER), months, months, monthQuotas(),
            quarterQuota()));
  }

  @Test
  void aYearWithoutItsOwnTargetUsesTheSumOfItsMonthsAndTruesUpInDecember() {
    // 12 monthly quotas of 10,000.00, no year target: the year's quota is 120,000.00
    Object[][] quotaRows = new Object[12][];
    for (int m = 1; m <= 12; m++) {
      quotaRows[m - 1] = row("r1", String.format("2026-%02d-01", m), "10000.00");
    }
    Dataset<Row> quotas = Frames.of(QUOTAS, quotaRows);
    Dataset<Row> noTargets = Frames.of("scope string, scope_id string, metric string, period_type string, "
        + "period_start date, target decimal(18,2)");
    Dataset<Row> periodQuotas = PeriodQuotas.reps(quotas, noTargets);
    Dataset<Row> deals = Frames.of(DEALS,
        row("D1", "r1", "2026-01-01", "2026-01-15", "services", "direct", "30000.00"),
        row("D2", "r1", "2026-06-01", "2026-06-15", "services", "direct", "40000.00"),
        row("D3", "r1", "2026-12-01", "2026-12-15", "services", "direct", "60000.00"));
    Dataset<Row> months = repMonths("2026-01-01", "2026-06-01", "2026-12-01");
    CommissionRules rules = rules(TierMode.RETROACTIVE, "0", AttainmentPeriod.YEAR);
    DataFrameAssert.assertSameRows(Frames.of(LINES,
            // 30,000 / 120,000 = 0.25: 2% = 600.00
            row("D1", "2026-01-01", 1, "600.00", "D1 services: 30,000.00 at 2% (tier 1 of final attainment 0.25) = 600.00"),
            // 70,000 / 120,000 = 0.583333: 40,000 * 5% = 2,000.00
            row("D2", "2026-06-01", 2, "2000.00",
                "D2 services: 40,000.00 at 5% (tier 2 of final attainment 0.583333) = 2,000.00"),
            // 130,000 / 120,000 = 1.083333: 60,000 * 8% = 4,800.00
            row("D3", "2026-12-01", 3, "4800.00",
                "D3 services: 60,000.00 at 8% (tier 3 of final attainment 1.083333) = 4,800.00")),
        dealLines(deals, rules, months, quotas, periodQuotas));
    // re-priced at 8%: 2,400 + 3,200 + 4,800 = 10,400.00, paid 600 + 2,000 + 4,800 = 7,400.00: 3,000.00 in December
    DataFrameAssert.assertSameRows(Frames.of(TRUE_UP, row("r1", "2026-12-01", "commission_true_up", "3000.00",
            "true-up of the year from January 2026: 3 deals, 130,000.00 credited, re-priced at 8% (tier 3 of final"
                + " attainment 1.083333) = 10,400.00 less 7,400.00 paid")),
        trueUps(deals, rules, months, months, quotas, periodQuotas));
  }

  @Test
  void aMonthlyPlanIgnoresQuarterQuotasAndPricesOnTheMonth() {
    // the default period: D1 120,000 of January's 100,000 crosses into 8%: 50,000 * 2% + 50,000 * 5% + 20,000 * 8%
    // = 1,000 + 2,500 + 1,600 = 5,100.00
    DataFrameAssert.assertSameRows(Frames.of(LINES, row("D1", "2026-01-01", 3, "5100.00",
            "D1 services: 50,000.00 in tier 1 at 2% + 50,000.00 in tier 2 at 5% + 20,000.00 in tier 3 at 8% = 5,100.00")),
        dealLines(quarterDeals().where("deal_id = 'D1'"), rules(TierMode.MARGINAL, "0", AttainmentPeriod.MONTH),
            repMonths("2026-01-01"), monthQuotas(), quarterQuota()));
  }

  @Test
  void aQuarterPlanPlacesDealsOfOtherRepsAndQuartersApart() {
    // r2's deal and r1's April deal do not move r1's Q1 positions: D4 [0, 90,000) of r1's Q2 at 2% = 1,800.00
    Dataset<Row> deals = quarterDeals().unionByName(Frames.of(DEALS,
        row("D4", "r1", "2026-04-01", "2026-04-02", "services", "direct", "90000.00")));
    Dataset<Row> quotas = monthQuotas().unionByName(Frames.of(QUOTAS, row("r1", "2026-04-01", "100000.00")));
    Dataset<Row> periodQuotas = quarterQuota().unionByName(Frames.of(PERIOD_QUOTAS,
        row("r1", "quarter", "2026-04-01", "300000.00")));
    DataFrameAssert.assertSameRows(Frames.of("deal_id string, amount decimal(18,2)",
            row("D1", "2400.00"), row("D2", "2100.00"), row("D3", "10080.00"), row("D4", "1800.00")),
        dealLines(deals, rules(TierMode.MARGINAL, "0", AttainmentPeriod.QUARTER),
            repMonths("2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"), quotas, periodQuotas));
  }

}
