package org.salescomp.marts;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.salescomp.common.Money;
import org.salescomp.engine.PlanTable;
import org.salescomp.intermediate.BookRetention;
import org.salescomp.intermediate.KpiMonthFacts;
import org.salescomp.intermediate.PeriodRollup;
import org.salescomp.intermediate.Ratios;
import org.salescomp.intermediate.TrainingCompletion;

/**
 * The quarter's scorecard score (compensation model, "Quarter: scorecard"): per KPI of the plan
 * version in force, {@code score = min(kpi-score-cap, actual / target)}, or {@code target / actual}
 * when lower is better ({@code actual = 0} scores the cap); a KPI without a target or an actual is left
 * out and the others' weights are rescaled, {@code S = sum(weight * score) / sum(weight)}. The revenue
 * KPI's target is the quarter quota; the others' are the rep's quarter targets of the same metric.
 *
 * <p>Each KPI's actual is kept as its additive parts, so {@code actual / target} is one exact division
 * ({@code csat_score_sum / (csat_responses * target)}), rounded once at 20 decimals; S is
 * {@code sum(weight * score)}, exact, divided once.
 */
public final class KpiScorecard {
  public static final String REP_ID = "rep_id";
  public static final String MONTH = "month";
  public static final String PERIOD_START = PeriodRollup.PERIOD_START;
  public static final String QUARTER_TARGETS = "quarter_targets";
  public static final String KPI_SCORE_CAP = PlanTable.KPI_SCORE_CAP;
  public static final String SCORECARD_KPIS = PlanTable.SCORECARD_KPIS;
  public static final String SCORECARD_SCORE = "scorecard_score";

  /** Scorecard metrics (plan {@code kpis[].metric}, targets {@code metric}). */
  public static final String REVENUE = "revenue";
  public static final String NEW_CUSTOMERS = "new_customers";
  public static final String CSAT = "csat";
  public static final String COMPLAINT_RATE = "complaint_rate";
  public static final String RETENTION_RATE = "retention_rate";
  public static final String TRAINING = "training";
  /** The period's average exam score (any course) against its target. */
  public static final String TRAINING_SCORE = "training_score";

  /** Parts and targets: exact at 6 decimals, as {@link Ratios#divide} needs. */
  private static final DecimalType PART = DataTypes.createDecimalType(22, 6);
  private static final DecimalType COUNT = DataTypes.createDecimalType(10, 0);
  /** weight (at most 1, 6 decimals) x score (below 10^6, 20 decimals) is exact in 34 digits. */
  private static final DecimalType WEIGHT = DataTypes.createDecimalType(7, 6);
  private static final DecimalType SCORE = DataTypes.createDecimalType(26, 20);
  private static final DecimalType WEIGHTED_SUM = DataTypes.createDecimalType(37, 26);
  private static final DecimalType WEIGHT_SUM = DataTypes.createDecimalType(17, 6);
  /** With a divisor of scale 6, Spark keeps 38 - (12 + 6) = 20 decimals of the quotient. */
  private static final DecimalType DIVIDEND = DataTypes.createDecimalType(38, 26);

  private KpiScorecard() {}

  /**
   * One row per rep and quarter with targets other than revenue: rep_id, period_start and
   * quarter_targets, a map from metric to target.
   *
   * @param targets the targets source
   */
  public static Dataset<Row> quarterTargets(Dataset<Row> targets) {
    return targets
        .where(col("scope").equalTo(lit("rep"))
            .and(col("period_type").equalTo(lit(PeriodRollup.TYPE_QUARTER)))
            .and(col("metric").notEqual(lit(REVENUE))))
        .groupBy(col("scope_id").as(REP_ID), col("period_start").as(PERIOD_START))
        .agg(map_from_entries(collect_list(struct(col("metric"), col("target").cast(PART)))).as(QUARTER_TARGETS));
  }

  /**
   * The scorecard parameters of each rep-month of one scenario: rep_id, month, kpi_score_cap,
   * scorecard_kpis.
   *
   * @param repMonthPlans {@link org.salescomp.engine.RepMonthPlans}
   */
  public static Dataset<Row> plans(Dataset<Row> repMonthPlans, String scenario) {
    return repMonthPlans
        .where(col(PlanTable.SCENARIO).equalTo(lit(scenario)))
        .select(REP_ID, MONTH, KPI_SCORE_CAP, SCORECARD_KPIS);
  }

  /**
   * S of a rep-quarter row that carries the KPI parts ({@link KpiMonthFacts} measures,
   * {@link BookRetention} and {@link TrainingCompletion} parts, {@code quota}), the plan's
   * {@value #KPI_SCORE_CAP} and {@value #SCORECARD_KPIS}, and {@value #QUARTER_TARGETS}; null without
   * a plan or when every KPI is left out. A metric the model does not know stops the run.
   */
  public static Column score(Column quota) {
    Column cap = col(KPI_SCORE_CAP);
    // two passes over the KPIs: the first computes each KPI's actual and target once, the second scores
    // them from those fields; in one expression each would be repeated wherever the score reads it,
    // and the plan (and its generated code) would grow with every repetition
    Column measured = transform(col(SCORECARD_KPIS), k -> measured(k, quota));
    Column scored = transform(measured, m -> scoreOf(m, cap));
    Column included = filter(scored, s -> s.getField("included"));
    Column zero = struct(lit(0).cast(WEIGHTED_SUM).as("ws"), lit(0).cast(WEIGHT_SUM).as("w"));
    return aggregate(included, zero, (acc, s) -> struct(
        acc.getField("ws").plus(s.getField("weighted")).cast(WEIGHTED_SUM).as("ws"),
        acc.getField("w").plus(s.getField("weight")).cast(WEIGHT_SUM).as("w")),
        totals -> when(totals.getField("w").gt(0),
            totals.getField("ws").cast(DIVIDEND).divide(totals.getField("w"))).cast(Money.RATIO));
  }

  /** A KPI's target and actual (numerator over denominator), each computed once. */
  private static Column measured(Column kpi, Column quota) {
    Column metric = kpi.getField("metric");
    return struct(
        kpi.getField("lower_is_better").as("lower_is_better"),
        kpi.getField("weight").cast(WEIGHT).as("weight"),
        when(metric.equalTo(lit(REVENUE)), quota).otherwise(element_at(col(QUARTER_TARGETS), metric)).cast(PART)
            .as("target"),
        actualNumerator(metric).cast(PART).as("actual_num"),
        actualDenominator(metric).cast(COUNT).as("actual_den"));
  }

  private static Column scoreOf(Column measured, Column cap) {
    Column target = measured.getField("target");
    Column actualNum = measured.getField("actual_num");
    Column actualDen = measured.getField("actual_den");
    Column lowerIsBetter = measured.getField("lower_is_better");

    Column higherIncluded = actualDen.gt(0).and(target.gt(0));
    Column higherScore = least(cap, Ratios.divide(actualNum, actualDen.multiply(target)));
    Column lowerIncluded = actualDen.gt(0).and(target.isNotNull());
    Column lowerScore = when(actualNum.equalTo(0), cap)
        .otherwise(least(cap, Ratios.divide(target.multiply(actualDen), actualNum)));

    Column included = coalesce(when(lowerIsBetter, lowerIncluded).otherwise(higherIncluded), lit(false));
    Column score = when(lowerIsBetter, lowerScore).otherwise(higherScore).cast(SCORE);
    Column weight = measured.getField("weight");
    return struct(included.as("included"), weight.multiply(score).as("weighted"), weight.as("weight"));
  }

  /** The actual of a metric is actualNumerator / actualDenominator (a null or 0 denominator: no actual). */
  private static Column actualNumerator(Column metric) {
    return when(metric.equalTo(lit(REVENUE)), col(KpiMonthFacts.REVENUE))
        .when(metric.equalTo(lit(NEW_CUSTOMERS)), col(KpiMonthFacts.NEW_CUSTOMERS))
        .when(metric.equalTo(lit(CSAT)), col(KpiMonthFacts.CSAT_SCORE_SUM))
        .when(metric.equalTo(lit(COMPLAINT_RATE)), col(KpiMonthFacts.COMPLAINTS))
        .when(metric.equalTo(lit(RETENTION_RATE)), col(BookRetention.BOOK_RETAINED))
        .when(metric.equalTo(lit(TRAINING)), col(TrainingCompletion.TRAINING_PASSED))
        .when(metric.equalTo(lit(TRAINING_SCORE)), col(TrainingCompletion.TRAINING_SCORE_SUM))
        .otherwise(raise_error(concat(lit("unknown scorecard metric: "), metric)));
  }

  private static Column actualDenominator(Column metric) {
    return when(metric.equalTo(lit(REVENUE)).or(metric.equalTo(lit(NEW_CUSTOMERS))), lit(1))
        .when(metric.equalTo(lit(CSAT)), col(KpiMonthFacts.CSAT_RESPONSES))
        .when(metric.equalTo(lit(COMPLAINT_RATE)), greatest(col(KpiMonthFacts.WON_DEALS), lit(1)))
        .when(metric.equalTo(lit(RETENTION_RATE)), col(BookRetention.BOOK_BASE))
        .when(metric.equalTo(lit(TRAINING)), col(TrainingCompletion.TRAINING_REQUIRED))
        .when(metric.equalTo(lit(TRAINING_SCORE)), col(TrainingCompletion.TRAINING_EXAMS));
  }
}
