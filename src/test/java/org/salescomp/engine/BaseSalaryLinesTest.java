package org.salescomp.engine;

import static org.salescomp.testing.Frames.row;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.domain.TierMode;
import org.salescomp.intermediate.RepMonths;
import org.salescomp.intermediate.RosterMonths;
import org.salescomp.testing.DataFrameAssert;
import org.salescomp.testing.Frames;
import org.salescomp.testing.TestPlans;

/** Step 1: base salary prorated per roster row. */
@Tag("fast")
class BaseSalaryLinesTest {
  private static final String ROSTER = "rep_id string, name string, role string, team_id string, "
      + "manager_id string, mentor_id string, hire_date date, termination_date date, "
      + "base_salary_monthly decimal(18,2), plan_id string, valid_from date, valid_to date";

  @Test
  void proratedPerRosterRow() {
    Dataset<Row> roster = Frames.of(ROSTER,
        // the spec's new hire: 8,000.00 * 22 / 31 = 5,677.419... -> 5,677.42
        row("n1", "N", "ae", "t1", null, null, "2026-03-10", null, "8000.00", "p", "2026-03-10", null),
        // a raise on 2026-03-11: 10 days at 6,000 and 21 at 6,200
        row("m1", "M", "ae", "t1", null, null, "2020-01-01", null, "6000.00", "p", "2025-01-01", "2026-03-11"),
        row("m1", "M", "ae", "t1", null, null, "2020-01-01", null, "6200.00", "p", "2026-03-11", null));
    Dataset<Row> rosterMonths = RosterMonths.build(roster, LocalDate.parse("2026-03-01")).where("month = '2026-03-01'");
    Dataset<Row> plans = RepMonthPlans.build(RepMonths.build(rosterMonths),
        TestPlans.planTable(TestPlans.version(TestPlans.workedExample(TierMode.MARGINAL))));
    DataFrameAssert.assertSameRows(
        Frames.of("rep_id string, line_type string, amount decimal(18,2), explanation string",
            row("n1", "base_salary", "5677.42", "base 8,000.00 × 22/31 days"),
            // 6,000 * 10 / 31 = 1,935.483... -> 1,935.48
            row("m1", "base_salary", "1935.48", "base 6,000.00 × 10/31 days"),
            // 6,200 * 21 / 31 = 4,200.00 exactly
            row("m1", "base_salary", "4200.00", "base 6,200.00 × 21/31 days")),
        BaseSalaryLines.build(rosterMonths, plans));
  }
}
