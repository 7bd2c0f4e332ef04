package org.salescomp.marts;

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
import org.salescomp.intermediate.PeriodRollup;
import org.salescomp.io.PublishedTable;

/**
 * {@code kpi_region_period}: one row per region (of the team, from the teams table), period_type and
 * period_start, for executives. The sums of its teams' {@link KpiTeamPeriod} rows: events and member
 * parts, so ratios are those of the region's combined parts (csat over all its surveys, retention
 * over its combined book, training over all members equally); quota is the sum of its teams' quotas
 * (own target or members'), null when no team has one. Events without a team, and teams missing from
 * the teams table, fall in a row with a null region, so that the regions add up to the reps.
 */
public final class KpiRegionPeriod {
  public static final String REGION = "region";
  public static final String PERIOD_TYPE = PeriodRollup.PERIOD_TYPE;
  public static final String PERIOD_START = PeriodRollup.PERIOD_START;

  /** The published columns, in order. */
  public static final List<String> COLUMNS = columns();

  public static final PublishedTable TABLE = KpiMeasures.table("kpi_region_period",
      "one row per region, period type and period start: the region's teams' KPIs combined",
      PublishedTable.columnsOf().nullableKey(REGION, DataTypes.StringType, "the region; null for events of no team").build(),
      PublishedTable.columnsOf().build());

  private KpiRegionPeriod() {}

  /** @param teamPeriods {@link KpiTeamPeriod#withParts} */
  public static Dataset<Row> build(Dataset<Row> teamPeriods) {
    List<Column> sums = new ArrayList<>(KpiMonthFacts.sums());
    sums.addAll(KpiMeasures.memberSums());
    sums.add(sum(col(KpiMeasures.QUOTA)).cast(Money.MONEY).as(KpiMeasures.QUOTA));
    return teamPeriods
        .groupBy(REGION, PERIOD_TYPE, PERIOD_START)
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new))
        .select(KpiMeasures.derived(List.of(REGION, PERIOD_TYPE, PERIOD_START), List.of()))
        .select(COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
  }

  private static List<String> columns() {
    List<String> columns = new ArrayList<>(List.of(REGION, PERIOD_TYPE, PERIOD_START));
    columns.addAll(KpiMeasures.MEASURES);
    return List.copyOf(columns);
  }
}
