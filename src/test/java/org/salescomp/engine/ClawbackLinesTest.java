package org.salescomp.engine;

import static org.salescomp.testing.Frames.row;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.domain.TierMode;
import org.salescomp.testing.DataFrameAssert;
import org.salescomp.testing.Frames;
import org.salescomp.testing.TestPlans;

/** Step 5: clawbacks of cancelled, refunded and churned deals, inside the window, once per deal line. */
@Tag("fast")
class ClawbackLinesTest {
  private static final String DEALS = "deal_id string, customer_id string, close_date date, status string, "
      + "status_date date";
  private static final String RETENTION = "customer_id string, month date, active boolean";
  private static final String LINES = "scenario string, rep_id string, month date, deal_id string, "
      + "credited_amount decimal(18,2), amount decimal(18,2)";
  private static final String EXPECTED = "rep_id string, month date, deal_id string, amount decimal(18,2), "
      + "explanation string";

  /** r1 holds a roster row from January to June 2026 on plan p (window 90 days, rate 1.0, on-churn). */
  private static Dataset<Row> repMonthPlans() {
    Dataset<Row> months = Frames.of(MonthStepsTest.REP_MONTHS,
        row("r1", "2026-01-01", 31, 31, "t1", "ae", "p", "2020-01-01", null, 72),
        row("r1", "2026-02-01", 28, 28, "t1", "ae", "p", "2020-01-01", null, 73),
        row("r1", "2026-03-01", 31, 31, "t1", "ae", "p", "2020-01-01", null, 74),
        row("r1", "2026-04-01", 30, 30, "t1", "ae", "p", "2020-01-01", null, 75),
        row("r1", "2026-05-01", 31, 31, "t1", "ae", "p", "2020-01-01", null, 76));
    return RepMonthPlans.build(months, TestPlans.planTable(TestPlans.version(TestPlans.workedExample(TierMode.MARGINAL))));
  }

  private static Dataset<Row> clawbacks(Dataset<Row> deals, Dataset<Row> retention, Dataset<Row> lines) {
    return ClawbackLines.build(lines, DealEvents.build(deals, retention), repMonthPlans());
  }

  @Test
  void workedExampleCancellation() {
    // D2 closed 2026-01-20 and cancelled 2026-03-05: 44 days, inside the 90-day window
    Dataset<Row> deals = Frames.of(DEALS, row("D2", "c1", "2026-01-20", "cancelled", "2026-03-05"));
    Dataset<Row> lines = Frames.of(LINES, row("baseline", "r1", "2026-01-01", "D2", "40000.00", "1120.00"));
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED, row("r1", "2026-03-01", "D2", "-1120.00",
            "clawback of D2 (cancelled 2026-03-05, 44 days after close) of 1,120.00")),
        clawbacks(deals, Frames.of(RETENTION), lines));
  }

  @Test
  void exactlyAtTheWindowIsInsideAndOneDayPastIsOutside() {
    Dataset<Row> deals = Frames.of(DEALS,
        // 2026-01-01 + 90 days = 2026-04-01: inside
        row("D1", "c1", "2026-01-01", "refunded", "2026-04-01"),
        // 91 days: outside, never clawed back
        row("D2", "c1", "2026-01-01", "refunded", "2026-04-02"));
    Dataset<Row> lines = Frames.of(LINES,
        row("baseline", "r1", "2026-01-01", "D1", "1000.00", "20.00"),
        row("baseline", "r1", "2026-01-01", "D2", "1000.00", "20.00"));
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED, row("r1", "2026-04-01", "D1", "-20.00",
            "clawback of D1 (refunded 2026-04-01, 90 days after close) of 20.00")),
        clawbacks(deals, Frames.of(RETENTION), lines));
  }

  @Test
  void aDealClosedAndCancelledInTheSameMonthIsPaidAndClawedBackThen() {
    Dataset<Row> deals = Frames.of(DEALS, row("D1", "c1", "2026-02-03", "cancelled", "2026-02-20"));
    Dataset<Row> lines = Frames.of(LINES, row("baseline", "r1", "2026-02-01", "D1", "1000.00", "20.00"));
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED, row("r1", "2026-02-01", "D1", "-20.00",
            "clawback of D1 (cancelled 2026-02-20, 17 days after close) of 20.00")),
        clawbacks(deals, Frames.of(RETENTION), lines));
  }

  @Test
  void churnClawsBackAWonDealOfACustomerWhoLeaves() {
    Dataset<Row> deals = Frames.of(DEALS, row("D1", "c1", "2026-01-10", "won", null));
    // active in February, inactive in March: March starts 50 days after the close date
    Dataset<Row> retention = Frames.of(RETENTION,
        row("c1", "2026-01-01", true), row("c1", "2026-02-01", true),
        row("c1", "2026-03-01", false), row("c1", "2026-04-01", false));
    Dataset<Row> lines = Frames.of(LINES, row("baseline", "r1", "2026-01-01", "D1", "1000.00", "20.00"));
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED, row("r1", "2026-03-01", "D1", "-20.00",
            "clawback of D1 (customer churned in 2026-03, 50 days after close) of 20.00")),
        clawbacks(deals, retention, lines));
  }

  @Test
  void aDealBothChurnedAndCancelledIsClawedBackOnce() {
    // churn in February (22 days after close), then cancelled in March: only the earlier churn claws back
    Dataset<Row> deals = Frames.of(DEALS, row("D1", "c1", "2026-01-10", "cancelled", "2026-03-03"));
    Dataset<Row> retention = Frames.of(RETENTION,
        row("c1", "2026-01-01", true), row("c1", "2026-02-01", false));
    Dataset<Row> lines = Frames.of(LINES, row("baseline", "r1", "2026-01-01", "D1", "1000.00", "20.00"));
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED, row("r1", "2026-02-01", "D1", "-20.00",
            "clawback of D1 (customer churned in 2026-02, 22 days after close) of 20.00")),
        clawbacks(deals, retention, lines));
  }

  @Test
  void churnOutsideTheWindowOrInTheCloseMonthDoesNotClawBack() {
    Dataset<Row> deals = Frames.of(DEALS,
        // May starts 120 days after 2026-01-01: outside
        row("D1", "c1", "2026-01-01", "won", null),
        // the customer was already inactive in the close month: no churn after the deal
        row("D2", "c2", "2026-03-15", "won", null));
    Dataset<Row> retention = Frames.of(RETENTION,
        row("c1", "2026-04-01", true), row("c1", "2026-05-01", false),
        row("c2", "2026-02-01", true), row("c2", "2026-03-01", false));
    Dataset<Row> lines = Frames.of(LINES,
        row("baseline", "r1", "2026-01-01", "D1", "1000.00", "20.00"),
        row("baseline", "r1", "2026-03-01", "D2", "1000.00", "20.00"));
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED), clawbacks(deals, retention, lines));
  }

  @Test
  void aHeldLineHasNothingToClawBack() {
    Dataset<Row> deals = Frames.of(DEALS, row("D1", "c1", "2026-01-10", "cancelled", "2026-01-30"));
    Dataset<Row> lines = Frames.of(LINES, row("baseline", "r1", "2026-01-01", "D1", "1000.00", "0.00"));
    DataFrameAssert.assertSameRows(Frames.of(EXPECTED), clawbacks(deals, Frames.of(RETENTION), lines));
  }
}
