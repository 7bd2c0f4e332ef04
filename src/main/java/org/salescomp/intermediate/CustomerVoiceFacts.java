package org.salescomp.intermediate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Periods;

/**
 * The KPI events of csat surveys and complaints ({@link KpiMonthFacts} rows), attributed together in
 * one pass: one row per survey dated, or complaint opened, on or before the logical date, for the rep
 * of {@link Attribution} (null when unattributed) and the team of that rep's roster row on the event's
 * date. A survey adds its score and one response; a complaint adds one complaint.
 */
public final class CustomerVoiceFacts {
  public static final String EVENT_DATE = "event_date";

  private CustomerVoiceFacts() {}

  /**
   * @param surveys the csat_surveys source
   * @param complaints the complaints source
   * @param primaryCredits {@link PrimaryCredits}
   * @param customers the customers source
   * @param roster the reps source
   */
  public static Dataset<Row> build(Dataset<Row> surveys, Dataset<Row> complaints, Dataset<Row> primaryCredits,
      Dataset<Row> customers, Dataset<Row> roster, LocalDate logicalDate) {
    Dataset<Row> surveyEvents = surveys
        .where(col("survey_date").leq(lit(logicalDate)))
        .select(col(Attribution.CUSTOMER_ID), col(Attribution.DEAL_ID), col(Attribution.REP_ID),
            col("survey_date").as(EVENT_DATE), col("score").cast("long").as(KpiMonthFacts.CSAT_SCORE_SUM),
            lit(1).as(KpiMonthFacts.CSAT_RESPONSES), lit(0).as(KpiMonthFacts.COMPLAINTS));
    Dataset<Row> complaintEvents = complaints
        .where(col("opened_date").leq(lit(logicalDate)))
        .select(col(Attribution.CUSTOMER_ID), col(Attribution.DEAL_ID), col(Attribution.REP_ID),
            col("opened_date").as(EVENT_DATE), lit(0L).as(KpiMonthFacts.CSAT_SCORE_SUM),
            lit(0).as(KpiMonthFacts.CSAT_RESPONSES), lit(1).as(KpiMonthFacts.COMPLAINTS));
    Dataset<Row> attributed = Attribution.attribute(surveyEvents.unionByName(complaintEvents), primaryCredits,
        customers);
    return RosterOnDate.withTeam(attributed, Attribution.REP_ID, EVENT_DATE, roster, KpiMonthFacts.TEAM_ID)
        .select(KpiMonthFacts.eventColumns(col(Attribution.REP_ID), col(KpiMonthFacts.TEAM_ID),
            Periods.monthOf(col(EVENT_DATE)), Map.of(
                KpiMonthFacts.CSAT_SCORE_SUM, col(KpiMonthFacts.CSAT_SCORE_SUM),
                KpiMonthFacts.CSAT_RESPONSES, col(KpiMonthFacts.CSAT_RESPONSES),
                KpiMonthFacts.COMPLAINTS, col(KpiMonthFacts.COMPLAINTS))));
  }
}
