package org.salescomp.intermediate;

import static org.salescomp.testing.Frames.row;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.testing.DataFrameAssert;
import org.salescomp.testing.Frames;

/** Active days per roster row and month, and the rep-month's attributes from its last active day. */
@Tag("fast")
class RosterMonthsTest {
  private static final String ROSTER = "rep_id string, name string, role string, team_id string, "
      + "manager_id string, mentor_id string, hire_date date, termination_date date, "
      + "base_salary_monthly decimal(18,2), plan_id string, valid_from date, valid_to date";

  private static final Dataset<Row> ROSTER_ROWS = Frames.of(ROSTER,
      // hired 2026-03-10 (the spec's new hire), still employed
      row("n1", "N", "account-executive", "t1", null, "r9", "2026-03-10", null, "8000.00", "new-hire", "2026-03-10", null),
      // moves team and plan on 2026-02-15; the row on the last active day decides the month's plan
      row("m1", "M", "account-executive", "t1", null, null, "2020-01-01", null, "6000.00", "field-sales", "2025-01-01", "2026-02-15"),
      row("m1", "M", "inside-sales", "t2", null, null, "2020-01-01", null, "5000.00", "inside-sales", "2026-02-15", null),
      // hired on the last day of January, left after 2026-03-01 (valid_to exclusive)
      row("h1", "H", "account-executive", "t1", null, null, "2026-01-31", "2026-03-01", "3100.00", "field-sales", "2026-01-31", "2026-03-02"));

  @Test
  void activeDaysPerRosterRowAndMonth() {
    Dataset<Row> expected = Frames.of("rep_id string, valid_from date, month date, active_days int, days_in_month int",
        // March has 31 days, 22 active from the 10th
        row("n1", "2026-03-10", "2026-03-01", 22, 31),
        row("m1", "2025-01-01", "2026-01-01", 31, 31),
        // 14 days before the move, 14 after: February has 28 days
        row("m1", "2025-01-01", "2026-02-01", 14, 28),
        row("m1", "2026-02-15", "2026-02-01", 14, 28),
        row("m1", "2026-02-15", "2026-03-01", 31, 31),
        // a hire on the last day of a month has 1 active day in it
        row("h1", "2026-01-31", "2026-01-01", 1, 31),
        row("h1", "2026-01-31", "2026-02-01", 28, 28),
        row("h1", "2026-01-31", "2026-03-01", 1, 31));
    Dataset<Row> actual = RosterMonths.build(ROSTER_ROWS, LocalDate.parse("2026-03-01"))
        .where("month >= '2026-01-01'");
    DataFrameAssert.assertSameRows(expected, actual);
  }

  @Test
  void repMonthTakesThePlanOfTheLastActiveDayAndCountsMonthsSinceHire() {
    Dataset<Row> expected = Frames.of("rep_id string, month date, active_days int, plan_id string, team_id string, "
            + "mentor_id string, month_index int",
        row("n1", "2026-03-01", 22, "new-hire", "t1", "r9", 0),
        row("m1", "2026-01-01", 31, "field-sales", "t1", null, 72),
        row("m1", "2026-02-01", 28, "inside-sales", "t2", null, 73),
        row("m1", "2026-03-01", 31, "inside-sales", "t2", null, 74),
        row("h1", "2026-01-01", 1, "field-sales", "t1", null, 0),
        row("h1", "2026-02-01", 28, "field-sales", "t1", null, 1),
        row("h1", "2026-03-01", 1, "field-sales", "t1", null, 2));
    Dataset<Row> actual = RepMonths.build(RosterMonths.build(ROSTER_ROWS, LocalDate.parse("2026-03-01")))
        .where("month >= '2026-01-01'");
    DataFrameAssert.assertSameRows(expected, actual);
  }

  @Test
  void monthsAfterTheScopeAreNotBuilt() {
    Dataset<Row> actual = RosterMonths.build(ROSTER_ROWS, LocalDate.parse("2026-01-01"));
    DataFrameAssert.assertSameRows(Frames.of("month date"), actual.where("month > '2026-01-01'").select("month"));
  }
}
