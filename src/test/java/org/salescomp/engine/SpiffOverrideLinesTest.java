package org.salescomp.engine;

import static org.salescomp.testing.Frames.row;
import static org.salescomp.testing.TestPlans.d;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.domain.BalanceRules;
import org.salescomp.domain.DrawRules;
import org.salescomp.domain.OverrideRules;
import org.salescomp.domain.PlanVersion;
import org.salescomp.domain.Spiff;
import org.salescomp.domain.TierMode;
import org.salescomp.intermediate.CreditedDeals;
import org.salescomp.staging.FxDailyRates;
import org.salescomp.testing.DataFrameAssert;
import org.salescomp.testing.Frames;
import org.salescomp.testing.TestPlans;

/** Steps 10 and 11: SPIFFs per credited deal inside their dates, overrides per managed team. */
@Tag("fast")
class SpiffOverrideLinesTest {
  private static final String DEALS = "deal_id string, customer_id string, owner_rep_id string, "
      + "product_category string, channel string, amount decimal(18,2), currency string, close_date date, "
      + "status string, status_date date";
  private static final String CREDITS = "deal_id string, rep_id string, credit_pct decimal(12,6)";
  private static final String ROSTER = "rep_id string, team_id string, valid_from date, valid_to date";
  private static final String EXPECTED = "rep_id string, month date, line_type string, deal_id string, "
      + "amount decimal(18,2)";

  /** The worked-example plan with two SPIFFs and a 1.5% override. */
  private static Dataset<Row> planTable() {
    PlanVersion v = TestPlans.version(TestPlans.workedExample(TierMode.MARGINAL));
    List<Spiff> spiffs = List.of(
        new Spiff("q1-software", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31"), "software", null,
            d("250.00")),
        new Spiff("feb-partner-hardware", LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28"), "hardware",
            "partner", d("100.00")));
    return TestPlans.planTable(TestPlans.with(v, spiffs, new OverrideRules(d("0.015000")), DrawRules.NONE,
        BalanceRules.NONE, "test-spiffs"));
  }

  private static Dataset<Row> repMonthPlans(Object[]... repMonths) {
    return RepMonthPlans.build(Frames.of(MonthStepsTest.REP_MONTHS, repMonths), planTable());
  }

  private static Object[] month(String rep, String month, String team) {
    return row(rep, month, 28, 28, team, "ae", "p", "2020-01-01", null, 72);
  }

  private static Dataset<Row> credited(Dataset<Row> roster, Dataset<Row> deals, Dataset<Row> credits) {
    return CreditedDeals.build(deals, credits,
        FxDailyRates.build(Frames.of("currency string, rate_date date, rate_to_reporting decimal(12,6)")), roster, "USD");
  }

  @Test
  void spiffOnItsFirstAndLastDayOnASplitDealAndOnlyInItsCategoryAndChannel() {
    Dataset<Row> roster = Frames.of(ROSTER, row("r1", "t1", "2025-01-01", null), row("r2", "t1", "2025-01-01", null));
    Dataset<Row> deals = Frames.of(DEALS,
        row("D1", "c1", "r1", "software", "direct", "1000.00", "USD", "2026-01-01", "won", null),      // first day
        row("D2", "c1", "r1", "software", "direct", "1000.00", "USD", "2026-03-31", "cancelled", "2026-04-02"),
        row("D3", "c1", "r1", "software", "direct", "1000.00", "USD", "2026-04-01", "won", null),      // day after
        row("D4", "c1", "r1", "software", "direct", "1000.00", "USD", "2025-12-31", "won", null),      // day before
        row("D5", "c1", "r1", "software", "direct", "1000.00", "USD", "2026-02-10", "won", null),      // split
        row("D6", "c1", "r1", "hardware", "partner", "1000.00", "USD", "2026-02-15", "won", null),
        row("D7", "c1", "r1", "hardware", "direct", "1000.00", "USD", "2026-02-15", "won", null),      // channel differs
        row("D8", "c1", "r1", "services", "direct", "1000.00", "USD", "2026-02-15", "won", null));     // no SPIFF
    Dataset<Row> credits = Frames.of(CREDITS, row("D5", "r1", "0.333333"), row("D5", "r2", "0.666667"));
    Dataset<Row> plans = repMonthPlans(month("r1", "2025-12-01", "t1"), month("r1", "2026-01-01", "t1"),
        month("r1", "2026-02-01", "t1"), month("r1", "2026-03-01", "t1"), month("r1", "2026-04-01", "t1"),
        month("r2", "2026-02-01", "t1"));
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED,
            row("r1", "2026-01-01", "spiff", "D1", "250.00"),
            // a later cancellation does not take a SPIFF back
            row("r1", "2026-03-01", "spiff", "D2", "250.00"),
            // 250 * 0.333333 = 83.33325 -> 83.33; 250 * 0.666667 = 166.66675 -> 166.67
            row("r1", "2026-02-01", "spiff", "D5", "83.33"),
            row("r2", "2026-02-01", "spiff", "D5", "166.67"),
            row("r1", "2026-02-01", "spiff", "D6", "100.00")),
        SpiffLines.build(credited(roster, deals, credits), plans)
            .select("rep_id", "month", "line_type", "deal_id", "amount"));
    DataFrameAssert.assertSameRows(Frames.of("explanation string",
            row("SPIFF q1-software: 250.00 per software deal × 33.3333% credit, D5 closed 2026-02-10")),
        SpiffLines.build(credited(roster, deals, credits), plans)
            .where("rep_id = 'r1' and deal_id = 'D5'").select(PayLines.EXPLANATION_KEY, PayLines.EXPLANATION_ARGS));
  }

  @Test
  void overridePerManagedTeamWithTheTeamOfTheCloseDateAndWithoutOwnCredits() {
    Dataset<Row> roster = Frames.of(ROSTER,
        row("m1", "T1", "2025-01-01", null),
        // a1 moves from T1 to T2 on 2026-02-15
        row("a1", "T1", "2025-01-01", "2026-02-15"),
        row("a1", "T2", "2026-02-15", null),
        row("b1", "T2", "2025-01-01", null),
        row("c1", "T3", "2025-01-01", null));
    Dataset<Row> teams = Frames.of("team_id string, name string, region string, manager_rep_id string",
        row("T1", "one", "north", "m1"), row("T2", "two", "north", "m1"), row("T3", "three", "south", "x9"));
    Dataset<Row> deals = Frames.of(DEALS,
        row("E1", "c1", "a1", "software", "direct", "10000.00", "USD", "2026-02-10", "won", null), // a1 on T1
        row("E2", "c1", "a1", "software", "direct", "20000.00", "USD", "2026-02-20", "won", null), // a1 on T2
        row("E3", "c1", "m1", "software", "direct", "8000.00", "USD", "2026-02-12", "won", null),  // m1 / b1 split
        row("E4", "c1", "c1", "software", "direct", "5000.00", "USD", "2026-02-05", "won", null),  // T3: not m1's
        row("E5", "c1", "b1", "software", "direct", "1234.56", "USD", "2026-03-01", "won", null));
    Dataset<Row> credits = Frames.of(CREDITS, row("E3", "m1", "0.500000"), row("E3", "b1", "0.500000"));
    Dataset<Row> plans = repMonthPlans(month("m1", "2026-02-01", "T1"), month("m1", "2026-03-01", "T1"),
        month("a1", "2026-02-01", "T2"), month("b1", "2026-02-01", "T2"), month("c1", "2026-02-01", "T3"));
    DataFrameAssert.assertSameRows(
        Frames.of("rep_id string, month date, credited_amount decimal(18,2), amount decimal(18,2), explanation string",
            // T1: E1 10,000.00 (m1's own 4,000.00 of E3 excluded) * 1.5% = 150.00
            row("m1", "2026-02-01", "10000.00", "150.00",
                "override 1.5% of team T1's credited revenue 10,000.00 (own credits excluded)"),
            // T2: E2 20,000.00 + b1's 4,000.00 of E3 = 24,000.00 * 1.5% = 360.00
            row("m1", "2026-02-01", "24000.00", "360.00",
                "override 1.5% of team T2's credited revenue 24,000.00 (own credits excluded)"),
            // March: 1,234.56 * 1.5% = 18.5184 -> 18.52
            row("m1", "2026-03-01", "1234.56", "18.52",
                "override 1.5% of team T2's credited revenue 1,234.56 (own credits excluded)")),
        OverrideLines.build(credited(roster, deals, credits), teams, plans)
            .select("rep_id", "month", "credited_amount", "amount", PayLines.EXPLANATION_KEY, PayLines.EXPLANATION_ARGS));
  }
}
