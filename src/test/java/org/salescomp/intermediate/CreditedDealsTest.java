package org.salescomp.intermediate;

import static org.salescomp.testing.Frames.row;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.staging.FxDailyRates;
import org.salescomp.testing.DataFrameAssert;
import org.salescomp.testing.Frames;

/** Credited amounts: FX of the close date or up to 7 days earlier, split credits, primary rep, team on the close date. */
@Tag("fast")
class CreditedDealsTest {
  private static final String DEALS = "deal_id string, customer_id string, owner_rep_id string, "
      + "product_category string, channel string, amount decimal(18,2), currency string, close_date date, "
      + "status string, status_date date";
  private static final String CREDITS = "deal_id string, rep_id string, credit_pct decimal(12,6)";
  private static final String FX = "currency string, rate_date date, rate_to_reporting decimal(12,6)";
  private static final String ROSTER = "rep_id string, team_id string, valid_from date, valid_to date";
  private static final String EXPECTED = "deal_id string, rep_id string, credited_amount decimal(18,2), "
      + "fx_rate decimal(12,6), credited_reps int, primary_rep_id string, team_id string";

  private static final Dataset<Row> ROSTER_ROWS = Frames.of(ROSTER,
      row("r1", "t1", "2025-01-01", null),
      // r2 moves from t1 to t2 on 2026-03-15
      row("r2", "t1", "2025-01-01", "2026-03-15"),
      row("r2", "t2", "2026-03-15", null),
      row("r3", "t2", "2025-01-01", null));

  private static Dataset<Row> build(Dataset<Row> deals, Dataset<Row> credits, Dataset<Row> fx) {
    return CreditedDeals.build(deals, credits, FxDailyRates.build(fx), ROSTER_ROWS, "USD");
  }

  @Test
  void fxRateOfTheCloseDateElseTheLatestAtMostSevenDaysOld() {
    Dataset<Row> deals = Frames.of(DEALS,
        row("D1", "c1", "r1", "software", "direct", "1000.00", "EUR", "2026-03-02", "won", null),
        // no rate on the 9th: the rate of the 2nd is exactly 7 days old and still applies
        row("D2", "c1", "r1", "software", "direct", "1000.00", "EUR", "2026-03-09", "won", null),
        // in the reporting currency: no rate needed
        row("D3", "c1", "r1", "software", "direct", "1000.00", "USD", "2026-03-09", "won", null),
        // 8 days after the last rate: no rate (the quality gate quarantines it as FX_MISSING)
        row("D4", "c1", "r1", "software", "direct", "1000.00", "EUR", "2026-03-10", "won", null));
    Dataset<Row> fx = Frames.of(FX,
        row("EUR", "2026-03-01", "1.500000"),
        row("EUR", "2026-03-02", "1.100001"));
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED,
            // 1,000 * 1.100001 = 1,100.001 -> 1,100.00
            row("D1", "r1", "1100.00", "1.100001", 1, "r1", "t1"),
            row("D2", "r1", "1100.00", "1.100001", 1, "r1", "t1"),
            row("D3", "r1", "1000.00", "1.000000", 1, "r1", "t1"),
            row("D4", "r1", null, null, 1, "r1", "t1")),
        build(deals, Frames.of(CREDITS), fx));
  }

  @Test
  void splitCreditsAreRoundedPerRepAndThePrimaryRepHasTheLargestCredit() {
    Dataset<Row> deals = Frames.of(DEALS,
        row("D1", "c1", "r1", "software", "direct", "1000.01", "USD", "2026-03-20", "won", null),
        row("D2", "c1", "r1", "software", "direct", "100.00", "USD", "2026-03-20", "won", null));
    Dataset<Row> credits = Frames.of(CREDITS,
        row("D1", "r3", "0.340000"),
        row("D1", "r2", "0.330000"),
        row("D1", "r1", "0.330000"),
        // equal credits: the smaller rep_id is primary
        row("D2", "r3", "0.500000"),
        row("D2", "r2", "0.500000"));
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED,
            // 1,000.01 * 0.34 = 340.0034 -> 340.00; r2 is on t2 after moving on the 15th
            row("D1", "r3", "340.00", "1.000000", 3, "r3", "t2"),
            // 1,000.01 * 0.33 = 330.0033 -> 330.00 (each credit rounded on its own)
            row("D1", "r2", "330.00", "1.000000", 3, "r3", "t2"),
            row("D1", "r1", "330.00", "1.000000", 3, "r3", "t1"),
            row("D2", "r3", "50.00", "1.000000", 2, "r2", "t2"),
            row("D2", "r2", "50.00", "1.000000", 2, "r2", "t2")),
        build(deals, credits, Frames.of(FX)));
  }

  @Test
  void aRepChangingTeamCountsForTheTeamOfTheCloseDate() {
    Dataset<Row> deals = Frames.of(DEALS,
        // the day before the move: old team; on the move day: the new row holds
        row("D1", "c1", "r2", "software", "direct", "10.00", "USD", "2026-03-14", "won", null),
        row("D2", "c1", "r2", "software", "direct", "10.00", "USD", "2026-03-15", "won", null));
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED,
            row("D1", "r2", "10.00", "1.000000", 1, "r2", "t1"),
            row("D2", "r2", "10.00", "1.000000", 1, "r2", "t2")),
        build(deals, Frames.of(CREDITS), Frames.of(FX)));
  }
}
