package org.salescomp.marts;

import static org.salescomp.testing.Frames.row;
import static org.salescomp.testing.TestPlans.d;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.domain.Coaching;
import org.salescomp.domain.TierMode;
import org.salescomp.engine.RepMonthPlans;
import org.salescomp.testing.DataFrameAssert;
import org.salescomp.testing.Frames;
import org.salescomp.testing.TestPlans;

@Tag("fast")
class CoachingFlagsTest {
  private static final String KPIS = "rep_id string, period_type string, period_start date, attainment decimal(30,20), "
      + "csat_avg decimal(30,20), csat_responses int, complaint_rate decimal(30,20)";
  private static final Coaching COACHING = new Coaching(d("0.5"), 2, d("3.0"), d("0.1"));

  @Test
  void flagsLowAttainmentRunsLowCsatAndHighComplaints() {
    Dataset<Row> kpis = Frames.of(KPIS,
        row("r1", "month", "2026-01-01", "0.4", null, 0, "0"),
        // second month below 0.5 in a row: flagged
        row("r1", "month", "2026-02-01", "0.3", "2.5", 3, "0.2"),
        // r2 is below in January and March, not in February: no run of two
        row("r2", "month", "2026-01-01", "0.4", null, 0, "0"),
        row("r2", "month", "2026-02-01", "0.5", "2.9", 2, "0.1"),
        row("r2", "month", "2026-03-01", "0.4", null, 0, "0"),
        // quarters are not months
        row("r2", "quarter", "2026-01-01", "0.1", "1.0", 9, "0.9"));
    Dataset<Row> months = Frames.of(
        "rep_id string, month date, active_days int, days_in_month int, team_id string, role string, plan_id string, "
            + "hire_date date, mentor_id string, month_index int",
        row("r1", "2026-01-01", 31, 31, "t1", "ae", "p", "2020-01-01", null, 1),
        row("r1", "2026-02-01", 28, 28, "t1", "ae", "p", "2020-01-01", null, 1),
        row("r2", "2026-01-01", 31, 31, "t1", "ae", "p", "2020-01-01", null, 1),
        row("r2", "2026-02-01", 28, 28, "t1", "ae", "p", "2020-01-01", null, 1),
        row("r2", "2026-03-01", 31, 31, "t1", "ae", "p", "2020-01-01", null, 1));
    Dataset<Row> plans = RepMonthPlans.build(months,
        TestPlans.planTable(TestPlans.version(TestPlans.workedExample(TierMode.MARGINAL))));
    DataFrameAssert.assertSameRows(Frames.of("rep_id string, month date, reason string, value decimal(30,20), "
            + "threshold decimal(12,6)",
            row("r1", "2026-02-01", "LOW_ATTAINMENT", "0.3", "0.5"),
            // 2.5 under 3.0 with 3 surveys (the plan's min-responses)
            row("r1", "2026-02-01", "LOW_CSAT", "2.5", "3.0"),
            row("r1", "2026-02-01", "HIGH_COMPLAINTS", "0.2", "0.1")),
        // r2's 2.9 has only 2 surveys, and 0.1 is not above 0.1
        CoachingFlags.build(kpis, plans, COACHING));
  }
}
