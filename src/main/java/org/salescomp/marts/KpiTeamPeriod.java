package org.salescomp.marts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.salescomp.common.Money;
import org.salescomp.intermediate.KpiMonthFacts;
import org.salescomp.intermediate.PeriodQuotas;
import org.salescomp.intermediate.PeriodRollup;
import org.salescomp.io.PublishedTable;

/**
 * {@code kpi_team_period}: one row per team, period_type and period_start, with the team's region.
 * <ul>
 *   <li>Events count for the team of the rep's roster row on the event's date ("a deal counts for the
 *       team of its rep's roster row on the close date"; surveys and complaints on their own date):
 *       revenue, won_deals (summed over reps: a deal split between two of the team's reps counts for
 *       each), cancelled_amount, new_customers, csat_responses and complaints are the sums of
 *       {@link KpiMonthFacts} by that team. Events of a rep without a roster row on the date fall in a
 *       row with a null team_id, so that the teams add up to the reps.
 *   <li>The members of a period are the reps whose {@code kpi_rep_period} row carries the team (the
 *       team on their last active day of the period). retention_rate is over the members' combined
 *       book; training_completion is the members' average, each member weighted equally.
 *   <li>quota: the team's own revenue target for the period, else the sum of its members' quotas
 *       (null when none has one); attainment = revenue / quota.
 *   <li>csat_avg and complaint_rate are those of the team's sums (score sum / responses,
 *       complaints / max(won_deals, 1)), not averages of the reps' ratios.
 * </ul>
 */
public final class KpiTeamPeriod {
  public static final String TEAM_ID = "team_id";
  public static final String PERIOD_TYPE = PeriodRollup.PERIOD_TYPE;
  public static final String PERIOD_START = PeriodRollup.PERIOD_START;
  public static final String REGION = "region";

  /** The published columns, in order. */
  public static final List<String> COLUMNS = columns();

  private static final String MEMBERS_QUOTA = "members_quota";
  private static final String[] PERIOD_KEYS = {TEAM_ID, PERIOD_TYPE, PERIOD_START};

  public static final PublishedTable TABLE = KpiMeasures.table("kpi_team_period",
      "one row per team, period type and period start: the team members' KPIs combined",
      PublishedTable.columnsOf().nullableKey(TEAM_ID, DataTypes.StringType, "the team; null for events of no team")
          .add(REGION, DataTypes.StringType, "the team's region").build(),
      PublishedTable.columnsOf().build());

  private KpiTeamPeriod() {}

  /** {@code kpi_team_period}: {@link #withParts} reduced to the published columns. */
  public static Dataset<Row> published(Dataset<Row> withParts) {
    return withParts.select(COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
  }

  /**
   * The team-periods with the additive parts of their ratios kept (the region table sums them).
   *
   * @param monthFacts {@link KpiMonthFacts}
   * @param repPeriods {@link KpiRepPeriod#withParts}
   * @param teamTargets {@link PeriodQuotas#teams}
   * @param teams the teams source (team_id, region)
   */
  public static Dataset<Row> withParts(Dataset<Row> monthFacts, Dataset<Row> repPeriods, Dataset<Row> teamTargets,
      Dataset<Row> teams) {
    Dataset<Row> events = PeriodRollup.rollUp(monthFacts.where(col(KpiMonthFacts.REP_ID).isNotNull()),
        KpiMonthFacts.MONTH, List.of(TEAM_ID), KpiMonthFacts.sums());
    List<Column> memberSums = new ArrayList<>(KpiMeasures.memberSums());
    memberSums.add(sum(col(KpiMeasures.QUOTA)).cast(Money.MONEY).as(MEMBERS_QUOTA));
    Dataset<Row> members = repPeriods
        .where(col(KpiRepPeriod.TEAM_ID).isNotNull())
        .groupBy(TEAM_ID, PERIOD_TYPE, PERIOD_START)
        .agg(memberSums.get(0), memberSums.subList(1, memberSums.size()).toArray(Column[]::new));

    List<Column> parts = new ArrayList<>(List.of(col(TEAM_ID), col(PERIOD_TYPE), col(PERIOD_START), col(REGION)));
    parts.addAll(KpiMonthFacts.zeroIfAbsent());
    KpiMeasures.MEMBER_PARTS.forEach(p -> parts.add(col(p)));
    parts.add(coalesce(col(PeriodQuotas.TEAM_TARGET), col(MEMBERS_QUOTA)).as(KpiMeasures.QUOTA));
    return events
        .join(members, PERIOD_KEYS, "full_outer")
        .join(teamTargets, PERIOD_KEYS, "left")
        .join(teams.select(TEAM_ID, REGION), new String[] {TEAM_ID}, "left")
        .select(parts.toArray(Column[]::new))
        .select(KpiMeasures.derived(List.of(TEAM_ID, PERIOD_TYPE, PERIOD_START, REGION), List.of()));
  }

  private static List<String> columns() {
    List<String> columns = new ArrayList<>(List.of(TEAM_ID, PERIOD_TYPE, PERIOD_START, REGION));
    columns.addAll(KpiMeasures.MEASURES);
    return List.copyOf(columns);
  }
}
