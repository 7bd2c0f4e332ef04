package org.salescomp.marts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salescomp.testing.Frames.row;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.intermediate.KpiInputs;
import org.salescomp.pipeline.KpiModel;
import org.salescomp.testing.DataFrameAssert;
import org.salescomp.testing.Frames;

/**
 * csat_avg, csat_responses, complaints and complaint_rate of {@code kpi_rep_period}, and the
 * attribution of surveys and complaints: rep_id, else the primary rep of deal_id, else the customer's
 * owner, else unattributed (counted for the run log).
 */
@Tag("fast")
class KpiCustomerVoiceTest {
  private static final String KEYS = "rep_id string, period_type string, period_start date, ";

  /** r1 owns c1, r2 owns c2, nobody owns c9. D1 (c2) is r2's, D2 (c1) is r1's. */
  private static final KpiModel MODEL = new KpiInputs()
      .rep("r1", "t1", "2026-01-01", null).rep("r2", "t1", "2026-01-01", null).team("t1", "north")
      .customer("c1", "r1").customer("c2", "r2").customer("c9", null)
      .won("D1", "c2", "r2", "100.00", "2026-01-03")
      .won("D2", "c1", "r1", "100.00", "2026-01-04")
      // its own rep_id wins over its deal's primary rep (r2)
      .survey("S1", "c2", "D1", "r1", "2026-01-10", 5)
      // no rep_id: the primary rep of D1, r2 (not c1's owner)
      .survey("S2", "c1", "D1", null, "2026-01-11", 3)
      // no rep_id, no deal_id: c1's owner, r1
      .survey("S3", "c1", null, null, "2026-01-12", 4)
      // no rep_id, no deal_id, c9 has no owner: unattributed
      .survey("S4", "c9", null, null, "2026-01-13", 1)
      // a deal_id the run does not know: the owner
      .survey("S5", "c1", "D404", null, "2026-01-14", 2)
      .survey("S7", "c1", null, "r1", "2026-03-05", 5)
      // after the logical date: not counted
      .survey("S6", "c1", null, "r1", "2026-04-01", 1)
      .complaint("K1", "c1", null, "r2", "2026-01-20")
      .complaint("K2", "c2", "D1", null, "2026-02-02")
      .complaint("K3", "c1", null, null, "2026-02-03")
      .complaint("K4", "c9", null, null, "2026-02-04")
      // c9 has no owner, but D2's primary rep is r1
      .complaint("K5", "c9", "D2", null, "2026-03-01")
      .model(KpiRepPeriodTest.Q1_2026);

  @Test
  void csatAndComplaintsOfTheRepsTheyAreAttributedTo() {
    DataFrameAssert.assertSameRows(Frames.of(KEYS + "csat_avg decimal(30,20), csat_responses int, "
            + "complaints int, complaint_rate decimal(30,20)",
            // S1 5, S3 4, S5 2: 11 / 3; no complaint over D2
            row("r1", "month", "2026-01-01", "3.66666666666666666667", 3, 0, "0"),
            // no survey: no csat; K3 over no deal: 1 / max(0, 1)
            row("r1", "month", "2026-02-01", null, 0, 1, "1"),
            // S7; K5
            row("r1", "month", "2026-03-01", "5", 1, 1, "1"),
            // 16 / 4 from the quarter's surveys, not the average of the months' averages; 2 / 1
            row("r1", "quarter", "2026-01-01", "4", 4, 2, "2"),
            row("r1", "year", "2026-01-01", "4", 4, 2, "2"),
            // S2; K1 over D1
            row("r2", "month", "2026-01-01", "3", 1, 1, "1"),
            // K2 through D1
            row("r2", "month", "2026-02-01", null, 0, 1, "1"),
            row("r2", "month", "2026-03-01", null, 0, 0, "0"),
            row("r2", "quarter", "2026-01-01", "3", 1, 2, "2"),
            row("r2", "year", "2026-01-01", "3", 1, 2, "2")),
        MODEL.repPeriods());
  }

  @Test
  void aSurveyWithNeitherRepIdNorDealIdGoesToTheCustomersOwnerElseIsUnattributed() {
    // S3 counted for r1 above; S4 and K4 (customer c9 without owner) for nobody
    DataFrameAssert.assertSameRows(Frames.of("source string, month date, unattributed bigint",
            row("csat_surveys", "2026-01-01", 1L),
            row("complaints", "2026-02-01", 1L)),
        MODEL.unattributed());
    assertThat(MODEL.unattributedCounts(KpiRepPeriodTest.Q1_2026))
        .isEqualTo(Map.of("csat_surveys", 1L, "complaints", 1L));
  }

  @Test
  void aMonthWithoutSurveysHasNoCsat() {
    DataFrameAssert.assertSameRows(Frames.of(KEYS + "csat_avg decimal(30,20), csat_responses int",
            // null, not 0: the cx modifier must not see a csat of 0
            row("r1", "month", "2026-02-01", null, 0),
            row("r2", "month", "2026-02-01", null, 0)),
        MODEL.repPeriods().where("period_type = 'month' and period_start = '2026-02-01'"));
  }
}
