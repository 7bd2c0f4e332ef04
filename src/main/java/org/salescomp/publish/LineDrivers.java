package org.salescomp.publish;

import java.util.List;
import java.util.Map;
import org.salescomp.engine.PayLines;

/**
 * Which of the rep's KPIs drive each kind of line (docs/compensation-rules.md): commission tiers
 * follow attainment of quota, the cx modifier CSAT and complaints, clawbacks cancellations and churn
 * (retention); the quarter's bonus and awards follow the quarter's measures. Lines of other kinds (base
 * salary, guarantee, mentor bonus, adjustments, cap) depend on no KPI.
 */
final class LineDrivers {
  /** The line types in the order the model computes them: a statement lists its lines in this order. */
  static final List<String> ORDER = List.of(PayLines.BASE_SALARY, PayLines.COMMISSION, PayLines.COMMISSION_TRUE_UP,
      PayLines.CX_ADJUSTMENT, PayLines.CAP_ADJUSTMENT, PayLines.CLAWBACK, PayLines.GUARANTEE_TOPUP, PayLines.MENTOR_BONUS,
      PayLines.ADJUSTMENT, PayLines.SCORECARD_BONUS, PayLines.TEAM_AWARD, PayLines.SPECIAL_AWARD, PayLines.SPIFF,
      PayLines.OVERRIDE, PayLines.DRAW_RECOVERY, PayLines.DRAW_TOPUP, PayLines.NEGATIVE_CARRY,
      PayLines.PRIOR_PERIOD_ADJUSTMENT);

  private static final Map<String, List<String>> MONTH = Map.of(
      PayLines.COMMISSION, List.of("revenue", "quota", "attainment"),
      PayLines.CX_ADJUSTMENT, List.of("csat_avg", "csat_responses", "complaint_rate"),
      PayLines.CLAWBACK, List.of("cancelled_amount", "retention_rate"));

  private static final Map<String, List<String>> QUARTER = Map.of(
      // a quarter's true-up re-prices the quarter's deals at its final attainment (a year's: the year's)
      PayLines.COMMISSION_TRUE_UP, List.of("revenue", "quota", "attainment"),
      PayLines.SCORECARD_BONUS, List.of("scorecard_score"),
      PayLines.TEAM_AWARD, List.of("revenue", "attainment", "won_deals"),
      PayLines.SPECIAL_AWARD, List.of("csat_avg", "csat_responses", "complaint_rate", "attainment"));

  private LineDrivers() {}

  static int rank(String lineType) {
    int i = ORDER.indexOf(lineType);
    // a line type the statement does not know still appears, after the known ones
    return i < 0 ? ORDER.size() : i;
  }

  /** The month row's measures that drive a line of this type. */
  static List<String> monthly(String lineType) {
    return MONTH.getOrDefault(lineType, List.of());
  }

  /** The quarter row's measures that drive a line of this type (paid in the quarter's last month). */
  static List<String> quarterly(String lineType) {
    return QUARTER.getOrDefault(lineType, List.of());
  }
}
