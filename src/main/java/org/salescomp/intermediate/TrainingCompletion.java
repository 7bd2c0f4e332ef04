package org.salescomp.intermediate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
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

  private TrainingCompletion() {}

  /** @param results the training_results source */
  public static Dataset<Row> firstPasses(Dataset<Row> results, List<String> requiredCourses, LocalDate logicalDate) {
    return results
        .where(col("passed")
            .and(col("course_id").isin(requiredCourses.toArray()))
            .and(col("completed_date").leq(lit(logicalDate))))
        .groupBy(col(REP_ID), col("course_id"))
        .agg(min(col("completed_date")).as("first_passed"))
        .groupBy(col(REP_ID))
        .agg(collect_list(col("first_passed")).as(PASSED_DATES))
        .select(REP_ID, PASSED_DATES);
  }

  /** Required courses passed on or before {@code lastDay}, from a (nullable) {@link #PASSED_DATES} column. */
  public static Column passedBy(Column passedDates, Column lastDay) {
    return when(passedDates.isNull(), lit(0)).otherwise(size(filter(passedDates, d -> d.leq(lastDay))));
  }
}
