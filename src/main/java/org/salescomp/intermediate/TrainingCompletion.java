package org.salescomp.intermediate;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One row per rep who passed at least one required course by the logical date: the date each such
 * course was first passed. training_completion of a period = required courses passed by the period's
 * last day / required courses ({@code salescomp.comp.training.required-courses}); null when no course is
 * required. A course passed once stays passed.
 */
public final class TrainingCompletion {
  public static final String REP_ID = "rep_id";
  public static final String PASSED_DATES = "passed_dates";
  /** Parts of the ratio on a KPI row: courses passed by the period's end, and courses required. */
  public static final String TRAINING_PASSED = "training_passed";
  public static final String TRAINING_REQUIRED = "training_required";
  public static final String EXAM_SCORES = "exam_scores";
  /** Parts of the period's average exam score: the sum of the exam scores, and the number of exams. */
  public static final String TRAINING_SCORE_SUM = "training_score_sum";
  public static final String TRAINING_EXAMS = "training_exams";

  private TrainingCompletion() {}

  /**
   * One row per rep with a training result by the logical date: {@value #PASSED_DATES} (null when no
   * required course was passed) and {@value #EXAM_SCORES}, every exam's date and score (any course, passed
   * or not), for the {@code training_score} scorecard metric.
   *
   * @param results the training_results source
   */
  public static Dataset<Row> firstPasses(Dataset<Row> results, List<String> requiredCourses, LocalDate logicalDate) {
    Dataset<Row> known = results.where(col("completed_date").leq(lit(logicalDate)));
    Dataset<Row> passes = known
        .where(col("passed").and(col("course_id").isin(requiredCourses.toArray())))
        .groupBy(col(REP_ID), col("course_id"))
        .agg(min(col("completed_date")).as("first_passed"))
        .groupBy(col(REP_ID))
        .agg(collect_list(col("first_passed")).as(PASSED_DATES));
    Dataset<Row> exams = known
        .where(col("score").isNotNull())
        .groupBy(col(REP_ID))
        .agg(collect_list(struct(col("completed_date").as("day"), col("score").as("score"))).as(EXAM_SCORES));
    return passes.join(exams, new String[] {REP_ID}, "full_outer").select(REP_ID, PASSED_DATES, EXAM_SCORES);
  }

  /** Sum of the exam scores dated in {@code firstDay .. lastDay}, from a (nullable) {@link #EXAM_SCORES} column. */
  public static Column examScoreSum(Column examScores, Column firstDay, Column lastDay) {
    return coalesce(aggregate(inPeriod(examScores, firstDay, lastDay), lit(0L),
        (acc, e) -> acc.plus(e.getField("score").cast("long"))), lit(0L));
  }

  /** Exams dated in {@code firstDay .. lastDay}. */
  public static Column examCount(Column examScores, Column firstDay, Column lastDay) {
    return coalesce(size(inPeriod(examScores, firstDay, lastDay)), lit(0));
  }

  private static Column inPeriod(Column examScores, Column firstDay, Column lastDay) {
    return filter(examScores, e -> e.getField("day").between(firstDay, lastDay));
  }

  /** Required courses passed on or before {@code lastDay}, from a (nullable) {@link #PASSED_DATES} column. */
  public static Column passedBy(Column passedDates, Column lastDay) {
    return when(passedDates.isNull(), lit(0)).otherwise(size(filter(passedDates, d -> d.leq(lastDay))));
  }
}
