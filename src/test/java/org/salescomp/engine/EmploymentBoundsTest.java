package org.salescomp.engine;

import static org.salescomp.testing.Frames.row;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.common.EmploymentBounds;
import org.salescomp.domain.TierMode;
import org.salescomp.intermediate.RepMonths;
import org.salescomp.intermediate.RosterMonths;
import org.salescomp.testing.DataFrameAssert;
import org.salescomp.testing.Frames;
import org.salescomp.testing.TestPlans;

/**
 * Employment bounds: active days are the days a roster row holds on within hire_date .. termination_date
 * (both inclusive), whatever HR left open; base salary, the rep-month and its plan follow them, and the
 * months after the last active day still take clawbacks.
 */
@Tag("fast")
class EmploymentBoundsTest {
  private static final String ROSTER = "rep_id string, name string, role string, team_id string, "
      + "manager_id string, mentor_id string, hire_date date, termination_date date, "
      + "base_salary_monthly decimal(18,2), plan_id string, valid_from date, valid_to date";

  private static final Dataset<Row> ROSTER_ROWS = Frames.of(ROSTER,
      // the spec's example: terminated 2026-01-15, row left open
      row("s1", "S", "ae", "t1", null, null, "2020-01-01", "2026-01-15", "3100.00", "p", "2025-01-01", null),
      // terminated on the last day of February, row left open
      row("l1", "L", "ae", "t1", null, null, "2020-01-01", "2026-02-28", "2800.00", "p", "2025-01-01", null),
      // terminated on the first day of March, row left open
      row("f1", "F", "ae", "t1", null, null, "2020-01-01", "2026-03-01", "3100.00", "p", "2025-01-01", null),
      // the row opens before the hire date: days before 2026-01-11 are not active
      row("h1", "H", "ae", "t1", null, null, "2026-01-11", null, "3100.00", "p", "2026-01-01", null),
      // HR closed the row on 2026-01-10 though the termination is 2026-01-20: the row still bounds
      row("c1", "C", "ae", "t1", null, null, "2020-01-01", "2026-01-20", "3100.00", "p", "2025-01-01", "2026-01-10"));

  private static Dataset<Row> rosterMonths() {
    return RosterMonths.build(EmploymentBounds.activeRows(ROSTER_ROWS), LocalDate.parse("2026-03-01"))
        .where("month >= '2026-01-01'");
  }

  @Test
  void baseStopsAtTheTerminationDateThoughTheRosterRowIsOpen() {
    Dataset<Row> rosterMonths = rosterMonths();
    Dataset<Row> plans = RepMonthPlans.build(RepMonths.build(rosterMonths),
        TestPlans.planTable(TestPlans.version(TestPlans.workedExample(TierMode.MARGINAL))));
    DataFrameAssert.assertSameRows(
        Frames.of("rep_id string, month date, amount decimal(18,2)",
            // 3,100 * 15 / 31 = 1,500.00; nothing from February on
            row("s1", "2026-01-01", "1500.00"),
            // full January and February (28/28); nothing in March
            row("l1", "2026-01-01", "2800.00"),
            row("l1", "2026-02-01", "2800.00"),
            // full January and February, then March 1st only: 3,100 * 1 / 31 = 100.00
            row("f1", "2026-01-01", "3100.00"),
            row("f1", "2026-02-01", "3100.00"),
            row("f1", "2026-03-01", "100.00"),
            // hired 2026-01-11: 21 of 31 days, 3,100 * 21 / 31 = 2,100.00
            row("h1", "2026-01-01", "2100.00"),
            row("h1", "2026-02-01", "3100.00"),
            row("h1", "2026-03-01", "3100.00"),
            // the row holds 2026-01-01 .. 2026-01-09: 3,100 * 9 / 31 = 900.00
            row("c1", "2026-01-01", "900.00")),
        BaseSalaryLines.build(rosterMonths, plans).select("rep_id", "month", "amount"));
  }

  @Test
  void monthsAfterTheLastActiveDayAreIdleWithTheLastPlan() {
    Dataset<Row> idle = RepMonths.afterLastActive(RepMonths.build(rosterMonths()), LocalDate.parse("2026-03-01"));
    DataFrameAssert.assertSameRows(
        Frames.of("rep_id string, month date, active_days int, days_in_month int, plan_id string, month_index int",
            row("s1", "2026-02-01", 0, 28, "p", 73),
            row("s1", "2026-03-01", 0, 31, "p", 74),
            row("l1", "2026-03-01", 0, 31, "p", 74),
            row("c1", "2026-02-01", 0, 28, "p", 73),
            row("c1", "2026-03-01", 0, 31, "p", 74)),
        idle.select("rep_id", "month", "active_days", "days_in_month", "plan_id", "month_index"));
  }

  @Test
  void aCancellationAfterTheTerminationIsClawedBackInAnIdleMonth() {
    Dataset<Row> repMonths = RepMonths.build(rosterMonths());
    Dataset<Row> planTable = TestPlans.planTable(TestPlans.version(TestPlans.workedExample(TierMode.MARGINAL)));
    Dataset<Row> payMonths = RepMonthPlans.build(repMonths, planTable)
        .unionByName(RepMonthPlans.build(RepMonths.afterLastActive(repMonths, LocalDate.parse("2026-03-01")),
            planTable));
    // s1 closed D1 on 2026-01-05 (paid 20.00) and it was cancelled 2026-02-10, after the termination
    Dataset<Row> deals = Frames.of("deal_id string, customer_id string, close_date date, status string, "
        + "status_date date", row("D1", "c9", "2026-01-05", "cancelled", "2026-02-10"));
    Dataset<Row> lines = Frames.of("scenario string, rep_id string, month date, deal_id string, "
        + "credited_amount decimal(18,2), amount decimal(18,2)",
        row("baseline", "s1", "2026-01-01", "D1", "1000.00", "20.00"));
    DataFrameAssert.assertSameRows(
        Frames.of("rep_id string, month date, amount decimal(18,2)", row("s1", "2026-02-01", "-20.00")),
        ClawbackLines.build(lines, DealEvents.build(deals, Frames.of("customer_id string, month date, active boolean")),
            payMonths).select("rep_id", "month", "amount"));
  }
}
