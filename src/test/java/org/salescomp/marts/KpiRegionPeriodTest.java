package org.salescomp.marts;

import static org.salescomp.testing.Frames.row;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.intermediate.KpiInputs;
import org.salescomp.pipeline.KpiModel;
import org.salescomp.testing.DataFrameAssert;
import org.salescomp.testing.Frames;

/** {@code kpi_region_period}: the sums of the region's teams, ratios of the combined parts. */
@Tag("fast")
class KpiRegionPeriodTest {

  @Test
  void regionsSumTheirTeams() {
    KpiModel model = new KpiInputs()
        .rep("r1", "t1", "2026-01-01", null).rep("r2", "t2", "2026-01-01", null).rep("r3", "t3", "2026-01-01", null)
        .team("t1", "north").team("t2", "north").team("t3", "south")
        .target("rep", "r1", "month", "2026-01-01", "revenue", "2000")
        .target("rep", "r2", "month", "2026-01-01", "revenue", "2000")
        .won("D1", "c1", "r1", "1000.00", "2026-01-05")
        .won("D2", "c2", "r2", "3000.00", "2026-01-06")
        .won("D3", "c3", "r3", "500.00", "2026-01-07")
        // r9 has no roster row: the deal has no team, hence no region
        .won("D4", "c4", "r9", "70.00", "2026-01-08")
        .survey("S1", "c1", null, "r1", "2026-01-10", 5).survey("S2", "c1", null, "r1", "2026-01-11", 5)
        .survey("S3", "c2", null, "r2", "2026-01-12", 2).survey("S4", "c3", null, "r3", "2026-01-13", 4)
        .model(KpiRepPeriodTest.Q1_2026);
    DataFrameAssert.assertSameRows(Frames.of("region string, period_type string, period_start date, "
            + "revenue decimal(18,2), won_deals int, csat_avg decimal(30,20), csat_responses int, "
            + "quota decimal(18,2), attainment decimal(30,20)",
            // t1 + t2: csat (5 + 5 + 2) / 3; quota 2,000 + 2,000, 4,000 / 4,000
            row("north", "month", "2026-01-01", "4000.00", 2, "4", 3, "4000.00", "1"),
            // no team of the region has a quota
            row("south", "month", "2026-01-01", "500.00", 1, "4", 1, null, null),
            // D4, so that the regions add up to the reps
            row(null, "month", "2026-01-01", "70.00", 1, null, 0, null, null)),
        model.regionPeriods().where("period_type = 'month' and period_start = '2026-01-01'"));
  }
}
