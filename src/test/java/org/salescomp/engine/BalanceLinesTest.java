package org.salescomp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salescomp.testing.Frames.row;
import static org.salescomp.testing.TestPlans.d;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.domain.BalanceRules;
import org.salescomp.domain.DrawRules;
import org.salescomp.domain.OverrideRules;
import org.salescomp.domain.PlanVersion;
import org.salescomp.domain.TierMode;
import org.salescomp.testing.DataFrameAssert;
import org.salescomp.testing.Frames;
import org.salescomp.testing.TestPlans;

/**
 * Step 13 by hand: draw top-ups, recovery from later variable pay, negative months carried, a balance
 * carried month to month (over a quarter end) and forgiven in the termination month.
 */
@Tag("fast")
class BalanceLinesTest {
  private static final String LINES = "scenario string, rep_id string, month date, line_type string, "
      + "amount decimal(18,2)";

  private static PlanVersion version(DrawRules draw, BalanceRules balance, String hash) {
    return TestPlans.with(TestPlans.version(TestPlans.workedExample(TierMode.MARGINAL)), List.of(), OverrideRules.NONE,
        draw, balance, hash);
  }

  /**
   * a: recoverable draw 2,000.00 in month indexes 0 and 1, negative months carried, all recovered;
   * b: non-recoverable draw 1,000.00 in the hire month, carried, half recovered, forgiven on termination;
   * c: the defaults (no draw, nothing carried).
   */
  private static Dataset<Row> planTable() {
    return TestPlans.planTable(Map.of(
        "a", version(new DrawRules(d("2000.00"), 2, true), new BalanceRules(true, d("1.000000"), false), "a"),
        "b", version(new DrawRules(d("1000.00"), 1, false), new BalanceRules(true, d("0.500000"), true), "b"),
        "c", version(DrawRules.NONE, BalanceRules.NONE, "c")));
  }

  private static Object[] month(String rep, String month, int active, int days, String plan, String hired, int index) {
    return row(rep, month, active, days, "t1", "ae", plan, hired, null, index);
  }

  private static BalanceLines.Result result() {
    return result(BalanceLines.Opening.NONE);
  }

  private static BalanceLines.Result result(BalanceLines.Opening opening) {
    Dataset<Row> payMonths = RepMonthPlans.build(Frames.of(MonthStepsTest.REP_MONTHS,
        month("n1", "2026-01-01", 31, 31, "a", "2026-01-01", 0),
        month("n1", "2026-02-01", 28, 28, "a", "2026-01-01", 1),
        month("n1", "2026-03-01", 31, 31, "a", "2026-01-01", 2),
        month("n1", "2026-04-01", 30, 30, "a", "2026-01-01", 3),
        month("n1", "2026-05-01", 31, 31, "a", "2026-01-01", 4),
        month("n1", "2026-06-01", 30, 30, "a", "2026-01-01", 5),
        month("t1", "2026-01-01", 22, 31, "b", "2026-01-10", 0),
        month("t1", "2026-02-01", 28, 28, "b", "2026-01-10", 1),
        month("t1", "2026-03-01", 31, 31, "b", "2026-01-10", 2),
        month("t1", "2026-04-01", 20, 30, "b", "2026-01-10", 3),
        // after the termination: an idle month, no active day
        month("t1", "2026-05-01", 0, 31, "b", "2026-01-10", 4),
        month("d1", "2026-01-01", 31, 31, "c", "2020-01-01", 72)), planTable());
    Dataset<Row> lines = Frames.of(LINES,
        row("baseline", "n1", "2026-01-01", "base_salary", "3000.00"),   // never variable pay
        row("baseline", "n1", "2026-01-01", "commission", "2000.00"),    // exactly the draw
        row("baseline", "n1", "2026-02-01", "commission", "500.00"),
        row("baseline", "n1", "2026-03-01", "commission", "900.00"),
        row("baseline", "n1", "2026-03-01", "clawback", "-100.00"),
        row("baseline", "n1", "2026-04-01", "spiff", "1000.00"),
        row("baseline", "n1", "2026-05-01", "clawback", "-400.00"),
        row("baseline", "n1", "2026-06-01", "prior_period_adjustment", "250.00"),
        row("baseline", "t1", "2026-01-01", "commission", "100.00"),
        row("baseline", "t1", "2026-02-01", "adjustment", "-300.00"),
        row("baseline", "t1", "2026-03-01", "commission", "150.01"),
        row("baseline", "t1", "2026-04-01", "commission", "100.00"),
        row("baseline", "t1", "2026-05-01", "clawback", "-60.00"),
        row("baseline", "d1", "2026-01-01", "clawback", "-100.00"));
    Dataset<Row> terminations = Frames.of("rep_id string, termination_date date",
        row("n1", null), row("t1", "2026-04-20"), row("d1", null));
    return BalanceLines.build(lines, payMonths, terminations, opening);
  }

  @Test
  void drawsRecoveriesAndCarriesByHand() {
    DataFrameAssert.assertSameRows(Frames.of("rep_id string, month date, line_type string, amount decimal(18,2), "
            + "explanation string",
            // January: V = 2,000.00 equals the draw: no top-up. February: V = 500.00, top-up 1,500.00, owed
            row("n1", "2026-02-01", "draw_topup", "1500.00", "draw top-up to 2,000.00 (recoverable, balance 1,500.00)"),
            // March (no draw month): V = 800.00 recovers min(1,500.00, 800.00): the balance exceeds the earnings
            row("n1", "2026-03-01", "draw_recovery", "-800.00",
                "recovers 800.00 of the balance 1,500.00 (100% of variable pay 800.00)"),
            // April, over the quarter end: 700.00 still owed, recovered from V = 1,000.00
            row("n1", "2026-04-01", "draw_recovery", "-700.00",
                "recovers 700.00 of the balance 700.00 (100% of variable pay 1,000.00)"),
            // May: V = -400.00 is carried, not paid
            row("n1", "2026-05-01", "negative_carry", "400.00",
                "negative variable pay -400.00 carried to the balance (balance 400.00)"),
            row("n1", "2026-06-01", "draw_recovery", "-250.00",
                "recovers 250.00 of the balance 400.00 (100% of variable pay 250.00)"),
            // hired 2026-01-10: 1,000.00 * 22 / 31 = 709.677... -> 709.68, less V = 100.00; not owed back
            row("t1", "2026-01-01", "draw_topup", "609.68", "draw top-up to 709.68 (non-recoverable)"),
            row("t1", "2026-02-01", "negative_carry", "300.00",
                "negative variable pay -300.00 carried to the balance (balance 300.00)"),
            // 150.01 * 50% = 75.005 -> 75.01
            row("t1", "2026-03-01", "draw_recovery", "-75.01",
                "recovers 75.01 of the balance 300.00 (50% of variable pay 150.01)"),
            row("t1", "2026-04-01", "draw_recovery", "-50.00",
                "recovers 50.00 of the balance 224.99 (50% of variable pay 100.00)"),
            // a clawback after the termination lands on the balance
            row("t1", "2026-05-01", "negative_carry", "60.00",
                "negative variable pay -60.00 carried to the balance (balance 60.00)")),
        result().lines());
  }

  @Test
  void balancesCloseAtOpeningPlusDrawnPlusCarriedLessRecoveredAndForgiven() {
    String schema = "rep_id string, month date, opening decimal(18,2), recovered decimal(18,2), drawn decimal(18,2), "
        + "carried decimal(18,2), forgiven decimal(18,2), closing decimal(18,2)";
    DataFrameAssert.assertSameRows(Frames.of(schema,
            row("n1", "2026-02-01", "0.00", "0.00", "1500.00", "0.00", "0.00", "1500.00"),
            row("n1", "2026-03-01", "1500.00", "800.00", "0.00", "0.00", "0.00", "700.00"),
            row("n1", "2026-04-01", "700.00", "700.00", "0.00", "0.00", "0.00", "0.00"),
            row("n1", "2026-05-01", "0.00", "0.00", "0.00", "400.00", "0.00", "400.00"),
            row("n1", "2026-06-01", "400.00", "250.00", "0.00", "0.00", "0.00", "150.00"),
            row("t1", "2026-02-01", "0.00", "0.00", "0.00", "300.00", "0.00", "300.00"),
            row("t1", "2026-03-01", "300.00", "75.01", "0.00", "0.00", "0.00", "224.99"),
            // terminated 2026-04-20: 224.99 - 50.00 = 174.99 forgiven, not paid
            row("t1", "2026-04-01", "224.99", "50.00", "0.00", "0.00", "174.99", "0.00"),
            row("t1", "2026-05-01", "0.00", "0.00", "0.00", "60.00", "0.00", "60.00")),
        result().balances().drop("scenario"));
  }

  @Test
  void afterAClosedMonthTheFoldOpensFromTheBalanceAsItWasClosed() {
    // closed through March: n1's March closed owing 1,000.00 (a recompute says 700.00: a late row since,
    // corrected forward); t1 has no balance row, so owes 0.00
    BalanceLines.Result closed = result(new BalanceLines.Opening(java.time.LocalDate.parse("2026-04-01"),
        Frames.of("rep_id string, opening decimal(18,2)", row("n1", "1000.00"))));
    DataFrameAssert.assertSameRows(Frames.of("rep_id string, month date, line_type string, amount decimal(18,2)",
            // April: V = 1,000.00 recovers min(1,000.00, 1,000.00)
            row("n1", "2026-04-01", "draw_recovery", "-1000.00"),
            row("n1", "2026-05-01", "negative_carry", "400.00"),
            // June: the correction 250.00 is variable pay of the month it is posted in, recovered once
            row("n1", "2026-06-01", "draw_recovery", "-250.00"),
            // t1 opens April at 0.00: nothing to recover from V = 100.00, nothing to forgive
            row("t1", "2026-05-01", "negative_carry", "60.00")),
        closed.lines().select("rep_id", "month", "line_type", "amount"));
    String schema = "rep_id string, month date, opening decimal(18,2), recovered decimal(18,2), drawn decimal(18,2), "
        + "carried decimal(18,2), forgiven decimal(18,2), closing decimal(18,2)";
    DataFrameAssert.assertSameRows(Frames.of(schema,
            row("n1", "2026-04-01", "1000.00", "1000.00", "0.00", "0.00", "0.00", "0.00"),
            row("n1", "2026-05-01", "0.00", "0.00", "0.00", "400.00", "0.00", "400.00"),
            row("n1", "2026-06-01", "400.00", "250.00", "0.00", "0.00", "0.00", "150.00"),
            row("t1", "2026-05-01", "0.00", "0.00", "0.00", "60.00", "0.00", "60.00")),
        closed.balances().drop("scenario"));
  }

  @Test
  void aRepOwingBeforeTheFirstFoldedMonthIsFoldedWhateverItsPlanNow() {
    // d1 owes 80.00 from before January (say, a new-hire draw) and is now on plan c, without draw or carry:
    // January's V = -100.00 recovers nothing and is not carried, so the balance is held, not dropped
    BalanceLines.Result opened = result(new BalanceLines.Opening(java.time.LocalDate.parse("2026-01-01"),
        Frames.of("rep_id string, opening decimal(18,2)", row("d1", "80.00"))));
    String schema = "rep_id string, month date, opening decimal(18,2), recovered decimal(18,2), drawn decimal(18,2), "
        + "carried decimal(18,2), forgiven decimal(18,2), closing decimal(18,2)";
    DataFrameAssert.assertSameRows(Frames.of(schema,
            row("d1", "2026-01-01", "80.00", "0.00", "0.00", "0.00", "0.00", "80.00")),
        opened.balances().where("rep_id = 'd1'").drop("scenario"));
    assertThat(opened.lines().where("rep_id = 'd1'").count()).isZero();
  }

  @Test
  void aRepOwingWithNoMonthInTheFoldIsHeldInEveryFoldedMonth() {
    // h1 was terminated before the fold's first month (May) owing 45.50, not forgiven: no month, no line, so the
    // balance is held in May and June, the months the fold covers; a rep owing nothing gets no row
    BalanceLines.Result opened = result(new BalanceLines.Opening(java.time.LocalDate.parse("2026-05-01"),
        Frames.of("rep_id string, opening decimal(18,2)", row("h1", "45.50"), row("z1", "0.00"))));
    String schema = "scenario string, rep_id string, month date, opening decimal(18,2), recovered decimal(18,2), "
        + "drawn decimal(18,2), carried decimal(18,2), forgiven decimal(18,2), closing decimal(18,2)";
    DataFrameAssert.assertSameRows(Frames.of(schema,
            row("baseline", "h1", "2026-05-01", "45.50", "0.00", "0.00", "0.00", "0.00", "45.50"),
            row("baseline", "h1", "2026-06-01", "45.50", "0.00", "0.00", "0.00", "0.00", "45.50")),
        opened.balances().where("rep_id in ('h1', 'z1')"));
    assertThat(opened.lines().where("rep_id = 'h1'").count()).isZero();
  }
}
