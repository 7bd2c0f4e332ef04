package org.salescomp.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.trunc;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Step 8, {@code adjustment}: the rows of {@code adjustments} for the rep and month, as approved.
 * An adjustment dated inside a month belongs to that month. The quality gate refuses adjustments for
 * a rep without a roster row in the month, so every accepted row finds its rep-month here.
 */
public final class AdjustmentLines {
  /** Between the adjustment's id and its reason in the explanation. */
  private static final String AFTER_ID = ": ";

  private AdjustmentLines() {}

  /** The adjustment_id an adjustment line's explanation starts with. */
  public static Column adjustmentId(Column explanation) {
    return regexp_extract(explanation, "^(.*?)" + AFTER_ID, 1);
  }

  public static Dataset<Row> build(Dataset<Row> adjustments, Dataset<Row> repMonthPlans) {
    Dataset<Row> months = repMonthPlans.select(PayLines.SCENARIO, PayLines.REP_ID, PayLines.MONTH,
        PlanTable.PLAN_ID, PlanTable.PLAN_HASH);
    return LineBuilder.monthLines(
        adjustments.withColumn(PayLines.MONTH, trunc(col("month"), "month")).join(months, new String[] {PayLines.REP_ID, PayLines.MONTH}),
        PayLines.ADJUSTMENT, col("amount"),
        concat(col("adjustment_id"), lit(AFTER_ID), col("reason"), lit(" (approved by "), col("approved_by"), lit(")")));
  }
}
