package org.salescomp.engine;

import static org.salescomp.testing.Frames.row;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.testing.DataFrameAssert;
import org.salescomp.testing.Frames;

/**
 * Step 12: corrections of closed months January and February 2026, posted in March. Amounts by hand:
 * correction = recomputed - paid - corrections posted before, per rep, closed month and line type.
 */
@Tag("fast")
class PriorPeriodAdjustmentsTest {
  static final String LINES = "scenario string, rep_id string, month date, line_type string, deal_id string, "
      + "credited_amount decimal(18,2), tier int, rate decimal(12,6), multiplier decimal(12,6), "
      + "amount decimal(18,2), explanation_key string, explanation_args map<string,string>, plan_id string, "
      + "plan_hash string";
  static final String LEDGER = "rep_id string, month date, line_type string, amount decimal(18,2), "
      + "for_month date, for_line_type string, plan_id string, plan_hash string";
  static final String EXPECTED = "rep_id string, month date, line_type string, amount decimal(18,2), "
      + "explanation string, plan_id string, for_month date, for_line_type string";
  static final LocalDate JAN = LocalDate.parse("2026-01-01");
  static final LocalDate FEB = LocalDate.parse("2026-02-01");
  static final LocalDate MAR = LocalDate.parse("2026-03-01");

  private static Object[] line(String rep, String month, String type, String deal, String amount) {
    return row("baseline", rep, month, type, deal, null, null, null, null, amount, null, null, "p", "h1");
  }

  private static Dataset<Row> corrections(Dataset<Row> lines, Dataset<Row> ledger) {
    return PriorPeriodAdjustments.build(lines, ledger, JAN, FEB, MAR)
        .select("rep_id", "month", "line_type", "amount", "explanation_key", "explanation_args", "plan_id", "for_month",
            "for_line_type");
  }

  @Test
  void aLateDealIsPaidOnceAsTheDifferenceOfItsLineType() {
    // recomputed January of r1: base 3,000.00; commission 720.00 + 1,120.00 (a late deal d2) = 1,840.00
    Dataset<Row> lines = Frames.of(LINES,
        line("r1", "2026-01-01", "base_salary", null, "3000.00"),
        line("r1", "2026-01-01", "commission", "d1", "720.00"),
        line("r1", "2026-01-01", "commission", "d2", "1120.00"),
        line("r1", "2026-03-01", "commission", "d3", "50.00"), // an open month's line: never compared
        row("s2", "r1", "2026-01-01", "commission", "d2", null, null, null, null, "9.00", null, null, "p", "h1"));
    // January as closed: base 3,000.00 and commission 720.00
    Dataset<Row> ledger = Frames.of(LEDGER,
        row("r1", "2026-01-01", "base_salary", "3000.00", null, null, "p", "h1"),
        row("r1", "2026-01-01", "commission", "720.00", null, null, "p", "h1"));
    // commission: 1,840.00 - 720.00 - 0 = 1,120.00; base: 3,000.00 - 3,000.00 = 0, no line; scenario s2 ignored
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED,
            row("r1", "2026-03-01", "prior_period_adjustment", "1120.00",
                "correction for January 2026 commission: 1,840.00 now, 720.00 paid", "p", "2026-01-01", "commission")),
        corrections(lines, ledger));
  }

  @Test
  void correctionsPostedBeforeCountAsPaidSoARerunPostsNothingTwice() {
    Dataset<Row> lines = Frames.of(LINES,
        line("r1", "2026-01-01", "commission", "d1", "720.00"),
        line("r1", "2026-01-01", "commission", "d2", "1120.00"),
        line("r2", "2026-02-01", "cx_adjustment", null, "-100.00"));
    Dataset<Row> ledger = Frames.of(LEDGER,
        row("r1", "2026-01-01", "commission", "720.00", null, null, "p", "h1"),
        // February (closed) paid a correction of 1,000.00 for January commission, and its own cx of -40.00
        row("r1", "2026-02-01", "prior_period_adjustment", "1000.00", "2026-01-01", "commission", "p", "h1"),
        row("r2", "2026-02-01", "cx_adjustment", "-40.00", null, null, "p", "h1"),
        // a correction for a month before the restated ones is not this run's business
        row("r2", "2026-02-01", "prior_period_adjustment", "77.00", "2025-12-01", "commission", "p", "h1"));
    // r1 January commission: 1,840.00 - 720.00 - 1,000.00 = 120.00
    // r2 February cx: -100.00 - (-40.00) - 0 = -60.00
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED,
            row("r1", "2026-03-01", "prior_period_adjustment", "120.00",
                "correction for January 2026 commission: 1,840.00 now, 720.00 paid, 1,000.00 corrected since", "p",
                "2026-01-01", "commission"),
            row("r2", "2026-03-01", "prior_period_adjustment", "-60.00",
                "correction for February 2026 cx_adjustment: -100.00 now, -40.00 paid", "p", "2026-02-01",
                "cx_adjustment")),
        corrections(lines, ledger));
  }

  @Test
  void aLineTypeThatIsGoneIsTakenBackAndAFullyCorrectedMonthPostsNothing() {
    // r1's January clawback of -300.00 is gone on recompute (the cancellation was undone); r2's January
    // commission recomputes at 500.00, as paid 400.00 + corrected 100.00
    Dataset<Row> lines = Frames.of(LINES, line("r2", "2026-01-01", "commission", "d9", "500.00"));
    Dataset<Row> ledger = Frames.of(LEDGER,
        row("r1", "2026-01-01", "clawback", "-300.00", null, null, "p", "h0"),
        row("r2", "2026-01-01", "commission", "400.00", null, null, "p", "h1"),
        row("r2", "2026-02-01", "prior_period_adjustment", "100.00", "2026-01-01", "commission", "p", "h1"));
    // r1: 0 - (-300.00) - 0 = 300.00, with the plan as paid; r2: 500.00 - 400.00 - 100.00 = 0, no line
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED,
            row("r1", "2026-03-01", "prior_period_adjustment", "300.00",
                "correction for January 2026 clawback: 0.00 now, -300.00 paid", "p", "2026-01-01", "clawback")),
        corrections(lines, ledger));
  }
}
