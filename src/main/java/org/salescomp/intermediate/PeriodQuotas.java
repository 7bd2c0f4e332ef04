package org.salescomp.intermediate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Money;

/**
 * Revenue quotas of every period type. For a rep: a month's quota is the month's revenue target
 * ({@link RepQuotas#monthly}); a quarter's or year's is the rep's own revenue target for it, else the
 * sum of its months' targets (every month of the period that has one). For a team: its own revenue
 * targets only (the fallback to its members' quotas needs the members, see the team KPI table).
 */
public final class PeriodQuotas {
  public static final String REP_ID = "rep_id";
  public static final String TEAM_ID = "team_id";
  public static final String PERIOD_TYPE = PeriodRollup.PERIOD_TYPE;
  public static final String PERIOD_START = PeriodRollup.PERIOD_START;
  public static final String QUOTA = "quota";
  public static final String TEAM_TARGET = "team_target";

  private static final String OWN = "own_target";
  private static final String MONTHS = "months_quota";

  private PeriodQuotas() {}

  /**
   * One row per rep and period with a quota.
   *
   * @param monthlyQuotas {@link RepQuotas#monthly}
   * @param targets the targets source
   */
  public static Dataset<Row> reps(Dataset<Row> monthlyQuotas, Dataset<Row> targets) {
    Dataset<Row> monthSums = PeriodRollup.rollUp(monthlyQuotas, RepQuotas.MONTH, List.of(RepQuotas.REP_ID),
        List.of(sum(col(RepQuotas.QUOTA)).cast(Money.MONEY).as(MONTHS)));
    Dataset<Row> own = revenueTargets(targets, "rep")
        .where(col(PERIOD_TYPE).isin(PeriodRollup.TYPE_QUARTER, PeriodRollup.TYPE_YEAR))
        .select(col("scope_id").as(REP_ID), col(PERIOD_TYPE), col(PERIOD_START), col("target").as(OWN));
    String[] keys = {REP_ID, PERIOD_TYPE, PERIOD_START};
    return monthSums.join(own, keys, "full_outer")
        .select(col(REP_ID), col(PERIOD_TYPE), col(PERIOD_START), coalesce(col(OWN), col(MONTHS)).as(QUOTA));
  }

  /** One row per team and period with a revenue target of its own. */
  public static Dataset<Row> teams(Dataset<Row> targets) {
    return revenueTargets(targets, "team")
        .select(col("scope_id").as(TEAM_ID), col(PERIOD_TYPE), col(PERIOD_START), col("target").as(TEAM_TARGET));
  }

  private static Dataset<Row> revenueTargets(Dataset<Row> targets, String scope) {
    Column revenue = col("scope").equalTo(lit(scope)).and(col("metric").equalTo(lit("revenue")));
    return targets.where(revenue).withColumn("target", col("target").cast(Money.MONEY));
  }
}
