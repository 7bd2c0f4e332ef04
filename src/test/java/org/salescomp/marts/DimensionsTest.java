package org.salescomp.marts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salescomp.testing.Frames.row;

import java.time.LocalDate;
import java.time.Month;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.engine.Payouts;
import org.salescomp.testing.DataFrameAssert;
import org.salescomp.testing.Frames;

/** The BI dimensions and the team, region and plan of payouts, from hand-built inputs. */
@Tag("fast")
class DimensionsTest {
  private static final String REPS = "rep_id string, name string, role string, team_id string, manager_id string, "
      + "mentor_id string, hire_date date, termination_date date, base_salary_monthly decimal(18,2), plan_id string, "
      + "valid_from date, valid_to date";
  /** r1 moves from t1/p1 to t2/p2 on 2025-02-01; r2, hired 2023-11-15, leaves on 2025-05-31. */
  private static final Dataset<Row> ROSTER = Frames.of(REPS,
      row("r1", "Ann Example", "ae", "t1", "m1", null, "2024-03-01", null, "4000.00", "p1", "2024-03-01", "2025-02-01"),
      row("r1", "Ann Example", "ae", "t2", "m1", null, "2024-03-01", null, "4200.00", "p2", "2025-02-01", null),
      row("r2", "Bo Example", "manager", "t1", null, null, "2023-11-15", "2025-05-31", "6000.00", "p1", "2023-11-15", null));

  @Test
  void dimRepHasOneRowPerRosterRowTheLatestCurrentAndNoNameUnlessAllowed() {
    Dataset<Row> dim = DimRep.build(ROSTER, false);
    assertThat(dim.columns()).doesNotContain("name").containsExactly(
        DimRep.table(false).columns().stream().filter(c -> !c.equals("run_id")).toArray(String[]::new));
    DataFrameAssert.assertSameRows(Frames.of("rep_id string, valid_from date, valid_to date, is_current boolean, "
            + "team_id string, plan_id string, termination_date date",
            row("r1", "2024-03-01", "2025-02-01", false, "t1", "p1", null),
            row("r1", "2025-02-01", null, true, "t2", "p2", null),
            row("r2", "2023-11-15", null, true, "t1", "p1", "2025-05-31")),
        dim);
    assertThat(DimRep.build(ROSTER, true).where("rep_id = 'r2'").select("name").first().getString(0))
        .isEqualTo("Bo Example");
  }

  @Test
  void dimMonthCoversTheRosterYearsWithAFiscalYearStartingInJuly() {
    Dataset<Row> dim = DimMonth.build(ROSTER, LocalDate.of(2025, 4, 1), Month.JULY);
    // January 2023 (the year of the first hire, 2023-11-15) to December 2025 (the year of the last date,
    // the termination on 2025-05-31): 36 months
    assertThat(dim.count()).isEqualTo(36);
    String columns = "month date, month_end date, year int, quarter int, quarter_start date, month_of_year int, "
        + "fiscal_year int, fiscal_quarter int, fiscal_month int, fiscal_year_start date";
    DataFrameAssert.assertSameRows(Frames.of(columns,
            // January 2023 is the 7th month of the year July 2022 - June 2023, fiscal 2023, its third quarter
            row("2023-01-01", "2023-01-31", 2023, 1, "2023-01-01", 1, 2023, 3, 7, "2022-07-01"),
            // June 2024 ends fiscal 2024
            row("2024-06-01", "2024-06-30", 2024, 2, "2024-04-01", 6, 2024, 4, 12, "2023-07-01"),
            // July 2025 starts fiscal 2026
            row("2025-07-01", "2025-07-31", 2025, 3, "2025-07-01", 7, 2026, 1, 1, "2025-07-01"),
            row("2025-12-01", "2025-12-31", 2025, 4, "2025-10-01", 12, 2026, 2, 6, "2025-07-01")),
        dim.where("month in ('2023-01-01', '2024-06-01', '2025-07-01', '2025-12-01')"));
    // a fiscal year starting in January is the calendar year
    DataFrameAssert.assertSameRows(Frames.of(columns,
            row("2024-06-01", "2024-06-30", 2024, 2, "2024-04-01", 6, 2024, 2, 6, "2024-01-01")),
        DimMonth.build(ROSTER, LocalDate.of(2025, 4, 1), Month.JANUARY).where("month = '2024-06-01'"));
  }

  @Test
  void dimPlanVersionEndsAVersionWhereTheNextBeginsWithItsParametersAsJson() {
    Dataset<Row> plans = Frames.of("scenario string, plan_id string, effective_from date, plan_hash string, "
            + "commission_hash string, tier_mode string, monthly_cap decimal(18,2)",
        row("baseline", "p1", "2024-01-01", "h1", "c1", "marginal", "5000.00"),
        row("baseline", "p1", "2025-01-01", "h2", "c2", "retroactive", null),
        row("baseline", "p2", "2024-01-01", "h3", "c3", "marginal", null),
        // a simulation's scenario is not a published version
        row("s1", "p1", "2024-01-01", "hx", "cx", "retroactive", null));
    DataFrameAssert.assertSameRows(Frames.of("plan_id string, effective_from date, effective_to date, "
            + "plan_hash string, parameters string",
            row("p1", "2024-01-01", "2025-01-01", "h1", "{\"tier_mode\":\"marginal\",\"monthly_cap\":5000.00}"),
            row("p1", "2025-01-01", null, "h2", "{\"tier_mode\":\"retroactive\"}"),
            row("p2", "2024-01-01", null, "h3", "{\"tier_mode\":\"marginal\"}")),
        DimPlanVersion.build(plans));
  }

  @Test
  void aPayoutCarriesTheTeamRegionAndPlanOfItsRepMonth() {
    Dataset<Row> lines = Frames.of("scenario string, rep_id string, month date, line_type string, amount decimal(18,2)",
        row("baseline", "r1", "2025-03-01", "commission", "100.00"),
        // April is after r1's last active month (March): the attributes of March
        row("baseline", "r1", "2025-04-01", "clawback", "-10.00"),
        // r2 has no rep-month here: nothing to say
        row("baseline", "r2", "2025-03-01", "base_salary", "50.00"));
    Dataset<Row> repMonths = Frames.of("rep_id string, month date, active_days int, days_in_month int, team_id string, "
            + "role string, plan_id string, hire_date date, mentor_id string, month_index int",
        row("r1", "2025-02-01", 28, 28, "t1", "ae", "p1", "2024-03-01", null, 11),
        row("r1", "2025-03-01", 10, 31, "t2", "ae", "p2", "2024-03-01", null, 12));
    Dataset<Row> teams = Frames.of("team_id string, name string, region string, manager_rep_id string",
        row("t1", "North team", "North", null), row("t2", "South team", "South", "r2"));
    Dataset<Row> payouts = CommissionLines.publishedPayouts(Payouts.build(lines), repMonths, teams,
        LocalDate.of(2025, 4, 1));
    DataFrameAssert.assertSameRows(Frames.of("rep_id string, month date, team_id string, region string, "
            + "plan_id string, commission decimal(18,2), clawback decimal(18,2), total decimal(18,2)",
            row("r1", "2025-03-01", "t2", "South", "p2", "100.00", "0.00", "100.00"),
            row("r1", "2025-04-01", "t2", "South", "p2", "0.00", "-10.00", "-10.00"),
            row("r2", "2025-03-01", null, null, null, "0.00", "0.00", "50.00")),
        payouts);
  }
}
