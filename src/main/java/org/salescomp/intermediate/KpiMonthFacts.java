package org.salescomp.intermediate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.salescomp.common.Money;

/**
 * One row per rep, team and month: the additive facts of the KPI model, summed from every event that
 * counts for a rep in a month ({@link DealCreditFacts}: credited deals and cancellations;
 * {@link FirstDeals}: new customers; {@link CustomerVoiceFacts}: surveys and complaints).
 * {@code team_id} is the team of the rep's roster row on the event's date (the close date for deals
 * and their cancellations), null when none holds. Surveys and complaints attributed to nobody keep a
 * null rep_id (see {@link #unattributed}). Months, quarters and years of every KPI table are rolled up
 * from these rows ({@link PeriodRollup}), so the events are aggregated once for all three.
 */
public final class KpiMonthFacts {
  public static final String REP_ID = "rep_id";
  public static final String TEAM_ID = "team_id";
  public static final String MONTH = "month";
  public static final String REVENUE = "revenue";
  public static final String WON_DEALS = "won_deals";
  public static final String CANCELLED_AMOUNT = "cancelled_amount";
  public static final String NEW_CUSTOMERS = "new_customers";
  public static final String CSAT_SCORE_SUM = "csat_score_sum";
  public static final String CSAT_RESPONSES = "csat_responses";
  public static final String COMPLAINTS = "complaints";

  /** run_log keys of {@link #unattributed}. */
  public static final String UNATTRIBUTED_SURVEYS = "csat_surveys";
  public static final String UNATTRIBUTED_COMPLAINTS = "complaints";
  public static final String SOURCE = "source";
  public static final String UNATTRIBUTED = "unattributed";

  /** Each additive measure and its type. */
  public static final Map<String, DataType> MEASURES = new LinkedHashMap<>();

  static {
    MEASURES.put(REVENUE, Money.MONEY);
    MEASURES.put(WON_DEALS, DataTypes.IntegerType);
    MEASURES.put(CANCELLED_AMOUNT, Money.MONEY);
    MEASURES.put(NEW_CUSTOMERS, DataTypes.IntegerType);
    MEASURES.put(CSAT_SCORE_SUM, DataTypes.LongType);
    MEASURES.put(CSAT_RESPONSES, DataTypes.IntegerType);
    MEASURES.put(COMPLAINTS, DataTypes.IntegerType);
  }

  private KpiMonthFacts() {}

  /**
   * The columns of an event row: its rep, team and month, the given measures, 0 for the others.
   * Event producers select these so that their rows union by name.
   */
  public static Column[] eventColumns(Column repId, Column teamId, Column month, Map<String, Column> measures) {
    List<Column> columns = new ArrayList<>(List.of(repId.as(REP_ID), teamId.as(TEAM_ID), month.as(MONTH)));
    MEASURES.forEach((name, type) ->
        columns.add(measures.getOrDefault(name, lit(0)).cast(type).as(name)));
    return columns.toArray(Column[]::new);
  }

  /** Sums the event rows of each rep, team and month. */
  public static Dataset<Row> build(List<Dataset<Row>> events) {
    Dataset<Row> all = events.get(0);
    for (Dataset<Row> more : events.subList(1, events.size())) {
      all = all.unionByName(more);
    }
    List<Column> sums = sums();
    return all
        .groupBy(col(REP_ID), col(TEAM_ID), col(MONTH))
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new));
  }

  /** The sum of every measure, typed as the measure (for rollups of these rows). */
  public static List<Column> sums() {
    List<Column> sums = new ArrayList<>();
    MEASURES.forEach((name, type) -> sums.add(sum(col(name)).cast(type).as(name)));
    return sums;
  }

  /** Each measure, 0 where an outer join left it null. */
  public static List<Column> zeroIfAbsent() {
    List<Column> columns = new ArrayList<>();
    MEASURES.forEach((name, type) -> columns.add(coalesce(col(name), lit(0).cast(type)).as(name)));
    return columns;
  }

  /**
   * Surveys and complaints attributed to nobody (no rep_id, no primary rep of a deal, no owner of the
   * customer): one row per source ({@value #UNATTRIBUTED_SURVEYS}, {@value #UNATTRIBUTED_COMPLAINTS})
   * and month that has any, with their count.
   */
  public static Dataset<Row> unattributed(Dataset<Row> facts) {
    Column bySource = explode(array(
        struct(lit(UNATTRIBUTED_SURVEYS).as(SOURCE), col(CSAT_RESPONSES).as(UNATTRIBUTED)),
        struct(lit(UNATTRIBUTED_COMPLAINTS).as(SOURCE), col(COMPLAINTS).as(UNATTRIBUTED))));
    return facts
        .where(col(REP_ID).isNull())
        .select(col(MONTH), bySource.as("u"))
        .groupBy(col("u." + SOURCE).as(SOURCE), col(MONTH))
        .agg(sum(col("u." + UNATTRIBUTED)).cast(DataTypes.LongType).as(UNATTRIBUTED))
        .where(col(UNATTRIBUTED).gt(0))
        .select(SOURCE, MONTH, UNATTRIBUTED);
  }
}
