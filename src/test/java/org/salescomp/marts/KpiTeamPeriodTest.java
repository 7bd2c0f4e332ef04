package org.salescomp.marts;

import static org.salescomp.testing.Frames.row;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.intermediate.KpiInputs;
import org.salescomp.pipeline.KpiModel;
import org.salescomp.testing.DataFrameAssert;
import org.salescomp.testing.Frames;

/** {@code kpi_team_period}: events by the team of their date, members' parts, team quota. */
@Tag("fast")
class KpiTeamPeriodTest {
  private static final String TEAM_KEYS = "team_id string, period_type string, period_start date, ";

  @Test
  void aRepChangingTeamMidMonth() {
    KpiModel model = new KpiInputs()
        .rep("r1", "t1", "2026-01-01", null)
        // r3 moves from t1 to t2 on 2026-02-15
        .rep("r3", "t1", "2026-01-01", "2026-02-15").rep("r3", "t2", "2026-02-15", null)
        .team("t1", "north").team("t2", "south")
        .won("D3", "c1", "r1", "50.00", "2026-01-05")
        // the day before the move: t1's; after it: t2's
        .won("D1", "c1", "r3", "100.00", "2026-02-10")
        .won("D2", "c1", "r3", "200.00", "2026-02-20")
        .model(KpiRepPeriodTest.Q1_2026);
    DataFrameAssert.assertSameRows(Frames.of("rep_id string, period_type string, period_start date, "
            + "team_id string, region string, revenue decimal(18,2)",
            row("r3", "month", "2026-01-01", "t1", "north", "0.00"),
            // the rep's month belongs to the team of its last active day; its revenue is all of it
            row("r3", "month", "2026-02-01", "t2", "south", "300.00"),
            row("r3", "month", "2026-03-01", "t2", "south", "0.00"),
            // quarter and year: the team on their last active day
            row("r3", "quarter", "2026-01-01", "t2", "south", "300.00"),
            row("r3", "year", "2026-01-01", "t2", "south", "300.00")),
        model.repPeriods().where("rep_id = 'r3'"));
    DataFrameAssert.assertSameRows(Frames.of(TEAM_KEYS + "region string, revenue decimal(18,2), won_deals int",
            // r1's D3
            row("t1", "month", "2026-01-01", "north", "50.00", 1),
            // D1 closed while r3 was on t1
            row("t1", "month", "2026-02-01", "north", "100.00", 1),
            // r1 is still a member: a row without events
            row("t1", "month", "2026-03-01", "north", "0.00", 0),
            row("t1", "quarter", "2026-01-01", "north", "150.00", 2),
            row("t1", "year", "2026-01-01", "north", "150.00", 2),
            // D2, after the move
            row("t2", "month", "2026-02-01", "south", "200.00", 1),
            row("t2", "month", "2026-03-01", "south", "0.00", 0),
            row("t2", "quarter", "2026-01-01", "south", "200.00", 1),
            row("t2", "year", "2026-01-01", "south", "200.00", 1)),
        model.teamPeriods());
  }

  @Test
  void teamRatiosAreThoseOfTheTeamsCombinedParts() {
    KpiModel model = new KpiInputs()
        .rep("r1", "t1", "2026-01-01", null).rep("r2", "t1", "2026-01-01", null).team("t1", "north")
        .customer("c1", "r1").customer("c2", "r1").customer("c3", "r2")
        .won("D1", "c1", "r1", "1000.00", "2026-01-05").credit("D1", "r1", "0.5").credit("D1", "r2", "0.5")
        .won("D2", "c3", "r2", "500.00", "2026-01-06")
        .survey("S1", "c1", null, "r1", "2026-01-10", 5).survey("S2", "c2", null, "r1", "2026-01-11", 5)
        .survey("S3", "c3", null, "r2", "2026-01-12", 2)
        .complaint("K1", "c3", null, "r2", "2026-01-13")
        .snapshot("c1", "2025-12-01", true).snapshot("c2", "2025-12-01", true).snapshot("c3", "2025-12-01", true)
        .snapshot("c1", "2026-01-01", true).snapshot("c3", "2026-01-01", true)
        .training("r1", "A", "2026-01-10", true)
        .model(KpiRepPeriodTest.Q1_2026, List.of("A"));
    DataFrameAssert.assertSameRows(Frames.of(TEAM_KEYS + "revenue decimal(18,2), won_deals int, "
            + "new_customers int, csat_avg decimal(30,20), csat_responses int, complaints int, "
            + "complaint_rate decimal(30,20), retention_rate decimal(30,20), training_completion decimal(30,20)",
            // won_deals: D1 for each of its two reps, D2 for r2 (summed over reps); new: c1 (r1), c3 (r2)
            // csat (5 + 5 + 2) / 3 = 4, not the average of the reps' 5 and 2
            // complaint rate 1 / 3; retention: of c1, c2, c3 active in December, c1 and c3 in January, 2 / 3
            // (not the average of r1's 1/2 and r2's 1/1); training: r1 passed A, r2 did not, 1 / 2
            row("t1", "month", "2026-01-01", "1500.00", 3, 2, "4", 3, 1, "0.33333333333333333333",
                "0.66666666666666666667", "0.5")),
        model.teamPeriods().where("period_type = 'month' and period_start = '2026-01-01'"));
  }

  @Test
  void teamQuotaIsItsOwnTargetElseTheSumOfItsMembersQuotas() {
    KpiModel model = new KpiInputs()
        .rep("r1", "t1", "2026-01-01", null).rep("r2", "t1", "2026-01-01", null)
        .rep("r3", "t2", "2026-01-01", null)
        // r4 moves from t1 to t2 on 2026-02-01
        .rep("r4", "t1", "2026-01-01", "2026-02-01").rep("r4", "t2", "2026-02-01", null)
        .team("t1", "north").team("t2", "north")
        .target("team", "t1", "quarter", "2026-01-01", "revenue", "10000")
        .target("rep", "r1", "month", "2026-01-01", "revenue", "1000")
        .target("rep", "r2", "month", "2026-01-01", "revenue", "3000")
        .target("rep", "r3", "month", "2026-01-01", "revenue", "2000")
        .target("rep", "r3", "month", "2026-02-01", "revenue", "2000")
        .target("rep", "r4", "month", "2026-01-01", "revenue", "500")
        .target("rep", "r4", "month", "2026-02-01", "revenue", "500")
        .target("rep", "r4", "month", "2026-03-01", "revenue", "500")
        .won("D1", "c1", "r1", "2250.00", "2026-01-15")
        .model(KpiRepPeriodTest.Q1_2026);
    DataFrameAssert.assertSameRows(Frames.of(TEAM_KEYS + "quota decimal(18,2), attainment decimal(30,20)",
            // members r1, r2, r4: 1,000 + 3,000 + 500; 2,250 / 4,500
            row("t1", "month", "2026-01-01", "4500.00", "0.5"),
            // no member has a target: no quota
            row("t1", "month", "2026-02-01", null, null),
            row("t1", "month", "2026-03-01", null, null),
            // the team's own quarter target; 2,250 / 10,000
            row("t1", "quarter", "2026-01-01", "10000.00", "0.225"),
            // no own year target: members r1 and r2 (r4 is on t2 at the year's last active day)
            row("t1", "year", "2026-01-01", "4000.00", "0.5625"),
            row("t2", "month", "2026-01-01", "2000.00", "0"),
            // r3 2,000 + r4 500
            row("t2", "month", "2026-02-01", "2500.00", "0"),
            row("t2", "month", "2026-03-01", "500.00", "0"),
            // r3's quarter (4,000) + r4's whole quarter (1,500): r4 is t2's at the quarter's end
            row("t2", "quarter", "2026-01-01", "5500.00", "0"),
            row("t2", "year", "2026-01-01", "5500.00", "0")),
        model.teamPeriods());
  }
}
