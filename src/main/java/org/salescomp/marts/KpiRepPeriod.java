package org.salescomp.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.salescomp.common.Money;
import org.salescomp.intermediate.BookRetention;
import org.salescomp.intermediate.KpiMonthFacts;
import org.salescomp.intermediate.PeriodQuotas;
import org.salescomp.intermediate.PeriodRollup;
import org.salescomp.intermediate.RosterPeriods;
import org.salescomp.intermediate.TrainingCompletion;
import org.salescomp.io.PublishedTable;

/**
 * {@code kpi_rep_period}: one row per rep, period_type (month, quarter, year) and period_start, for
 * every period in which the rep holds a roster row or has a KPI event (compensation model, "Measures
 * (KPIs)"). team_id is the team of the rep's roster row on the period's last active day (null without
 * one) and region that team's region.
 * <ul>
 *   <li>revenue, won_deals, cancelled_amount, new_customers, csat_responses, complaints: sums of the
 *       rep's {@link KpiMonthFacts} over the period's months (one rollup for the three period types);
 *   <li>csat_avg, complaint_rate, retention_rate, training_completion, attainment: ratios of the
 *       period's additive parts;
 *   <li>quota: {@link PeriodQuotas#reps};
 *   <li>scorecard_score: {@link KpiScorecard} for quarters, with the plan version in force in the
 *       quarter's last rep-month; null for months and years.
 * </ul>
 */
public final class KpiRepPeriod {
  public static final String REP_ID = "rep_id";
  public static final String PERIOD_TYPE = PeriodRollup.PERIOD_TYPE;
  public static final String PERIOD_START = PeriodRollup.PERIOD_START;
  public static final String TEAM_ID = "team_id";
  public static final String REGION = "region";
  public static final String REVENUE = KpiMeasures.REVENUE;
  public static final String WON_DEALS = KpiMeasures.WON_DEALS;
  public static final String CANCELLED_AMOUNT = KpiMeasures.CANCELLED_AMOUNT;
  public static final String NEW_CUSTOMERS = KpiMeasures.NEW_CUSTOMERS;
  public static final String CSAT_AVG = KpiMeasures.CSAT_AVG;
  public static final String CSAT_RESPONSES = KpiMeasures.CSAT_RESPONSES;
  public static final String COMPLAINTS = KpiMeasures.COMPLAINTS;
  public static final String COMPLAINT_RATE = KpiMeasures.COMPLAINT_RATE;
  public static final String RETENTION_RATE = KpiMeasures.RETENTION_RATE;
  public static final String TRAINING_COMPLETION = KpiMeasures.TRAINING_COMPLETION;
  public static final String QUOTA = KpiMeasures.QUOTA;
  public static final String ATTAINMENT = KpiMeasures.ATTAINMENT;
  public static final String SCORECARD_SCORE = KpiScorecard.SCORECARD_SCORE;

  /** The published columns, in order. */
  public static final List<String> COLUMNS = columns();

  private static final String[] PERIOD_KEYS = {REP_ID, PERIOD_TYPE, PERIOD_START};

  public static final PublishedTable TABLE = KpiMeasures.table("kpi_rep_period",
      "one row per rep, period type (month, quarter, year) and period start: the rep's KPIs",
      PublishedTable.columnsOf().add(REP_ID, DataTypes.StringType, "the rep")
          .add(TEAM_ID, DataTypes.StringType, "the rep's team in the period (at its end)")
          .add(REGION, DataTypes.StringType, "the team's region").build(),
      PublishedTable.columnsOf().add(SCORECARD_SCORE, Money.RATIO,
          "the quarter's scorecard score of the rep's plan (quarter rows); null otherwise").build());

  /**
   * What a rep-period is built from.
   *
   * @param monthFacts {@link KpiMonthFacts}
   * @param rosterPeriods {@link RosterPeriods}
   * @param quotas {@link PeriodQuotas#reps}
   * @param bookRetention {@link BookRetention}
   * @param trainingPasses {@link TrainingCompletion#firstPasses}
   * @param requiredCourses how many courses are required (0: training_completion is null)
   * @param scorecardPlans {@link KpiScorecard#plans}
   * @param quarterTargets {@link KpiScorecard#quarterTargets}
   * @param teams the teams source (team_id, region)
   */
  public record Inputs(Dataset<Row> monthFacts, Dataset<Row> rosterPeriods, Dataset<Row> quotas,
      Dataset<Row> bookRetention, Dataset<Row> trainingPasses, int requiredCourses, Dataset<Row> scorecardPlans,
      Dataset<Row> quarterTargets, Dataset<Row> teams) {}

  private KpiRepPeriod() {}

  /** {@code kpi_rep_period}: {@link #withParts} reduced to the published columns. */
  public static Dataset<Row> published(Dataset<Row> withParts) {
    return withParts.select(COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
  }

  /**
   * The rep-periods with the additive parts of their ratios kept beside the published columns
   * (csat_score_sum, book_base, book_retained, training_passed, training_required): the team table
   * sums them over members.
   */
  public static Dataset<Row> withParts(Inputs in) {
    Dataset<Row> flows = PeriodRollup.rollUp(in.monthFacts().where(col(KpiMonthFacts.REP_ID).isNotNull()),
        KpiMonthFacts.MONTH, List.of(REP_ID), KpiMonthFacts.sums());
    Dataset<Row> rows = in.rosterPeriods()
        .join(flows, PERIOD_KEYS, "full_outer")
        .join(in.quotas(), PERIOD_KEYS, "left")
        .join(in.bookRetention(), PERIOD_KEYS, "left")
        .join(in.trainingPasses(), new String[] {REP_ID}, "left")
        .join(in.teams().select(TEAM_ID, REGION), new String[] {TEAM_ID}, "left")
        .select(additiveParts(in.requiredCourses()));
    return withScorecard(rows, in.scorecardPlans(), in.quarterTargets())
        .select(KpiMeasures.derived(List.of(REP_ID, PERIOD_TYPE, PERIOD_START, TEAM_ID, REGION),
            List.of(SCORECARD_SCORE)));
  }

  /** Keys, team, the period's last roster month, and every additive part of the measures. */
  private static Column[] additiveParts(int requiredCourses) {
    List<Column> columns = new ArrayList<>(List.of(col(REP_ID), col(PERIOD_TYPE), col(PERIOD_START), col(TEAM_ID),
        col(REGION), col(RosterPeriods.LAST_MONTH)));
    columns.addAll(KpiMonthFacts.zeroIfAbsent());
    columns.add(col(QUOTA));
    columns.add(col(BookRetention.BOOK_BASE));
    columns.add(col(BookRetention.BOOK_RETAINED));
    Column lastDay = PeriodRollup.lastDayOf(col(PERIOD_TYPE), col(PERIOD_START));
    Column passed = TrainingCompletion.passedBy(col(TrainingCompletion.PASSED_DATES), lastDay);
    columns.add((requiredCourses > 0 ? passed : lit(null)).cast("int").as(TrainingCompletion.TRAINING_PASSED));
    columns.add((requiredCourses > 0 ? lit(requiredCourses) : lit(null)).cast("int")
        .as(TrainingCompletion.TRAINING_REQUIRED));
    Column exams = col(TrainingCompletion.EXAM_SCORES);
    columns.add(TrainingCompletion.examScoreSum(exams, col(PERIOD_START), lastDay).cast("int")
        .as(TrainingCompletion.TRAINING_SCORE_SUM));
    columns.add(TrainingCompletion.examCount(exams, col(PERIOD_START), lastDay).cast("int")
        .as(TrainingCompletion.TRAINING_EXAMS));
    return columns.toArray(Column[]::new);
  }

  /** Adds scorecard_score to quarters: the plan of the quarter's last rep-month and the quarter's targets. */
  private static Dataset<Row> withScorecard(Dataset<Row> rows, Dataset<Row> plans, Dataset<Row> quarterTargets) {
    Column isQuarter = col(PERIOD_TYPE).equalTo(lit(PeriodRollup.TYPE_QUARTER));
    Dataset<Row> quarterPlans = plans.select(col(KpiScorecard.REP_ID).as("p_rep_id"),
        col(KpiScorecard.MONTH).as("p_month"), col(KpiScorecard.KPI_SCORE_CAP), col(KpiScorecard.SCORECARD_KPIS));
    Dataset<Row> targets = quarterTargets.select(col(KpiScorecard.REP_ID).as("t_rep_id"),
        col(KpiScorecard.PERIOD_START).as("t_start"), col(KpiScorecard.QUARTER_TARGETS));
    return rows
        .join(quarterPlans, isQuarter.and(col(REP_ID).equalTo(col("p_rep_id")))
            .and(col(RosterPeriods.LAST_MONTH).equalTo(col("p_month"))), "left")
        .join(targets, isQuarter.and(col(REP_ID).equalTo(col("t_rep_id")))
            .and(col(PERIOD_START).equalTo(col("t_start"))), "left")
        .withColumn(SCORECARD_SCORE, when(isQuarter, KpiScorecard.score(col(QUOTA))).cast(Money.RATIO));
  }

  private static List<String> columns() {
    List<String> columns = new ArrayList<>(List.of(REP_ID, PERIOD_TYPE, PERIOD_START, TEAM_ID, REGION));
    columns.addAll(KpiMeasures.MEASURES);
    columns.add(SCORECARD_SCORE);
    return List.copyOf(columns);
  }
}
