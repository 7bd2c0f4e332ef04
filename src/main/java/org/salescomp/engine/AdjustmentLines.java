package org.salescomp.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.trunc;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Step 8, {@code adjustment}: the rows of {@code adjustments} for the rep and month, as approved.
 * An adjustment dated inside a month belongs to that month. The quality gate refuses adjustments for
 * a rep without a roster row in the month, so every accepted row finds its rep-month here, or its idle
 * month after the last active day ({@link CompEngine.Inputs#payMonthPlans}).
 */
public final class AdjustmentLines {
  private static final String ADJUSTMENT_ID = "adjustment_id";

  private AdjustmentLines() {}

  /** The adjustment_id of an adjustment line, from its explanation's arguments. */
  public static Column adjustmentId(Column explanationArgs) {
    return explanationArgs.getItem(ADJUSTMENT_ID);
  }

  public static Dataset<Row> build(Dataset<Row> adjustments, Dataset<Row> repMonthPlans) {
    Dataset<Row> months = repMonthPlans.select(PayLines.SCENARIO, PayLines.REP_ID, PayLines.MONTH,
        PlanTable.PLAN_ID, PlanTable.PLAN_HASH);
    return LineBuilder.monthLines(
        adjustments.withColumn(PayLines.MONTH, trunc(col("month"), "month")).join(months, new String[] {PayLines.REP_ID, PayLines.MONTH}),
        PayLines.ADJUSTMENT, col("amount"),
        Explanations.args(ADJUSTMENT_ID, col("adjustment_id"), "reason", col("reason"),
            "approved_by", col("approved_by")));
  }
}
