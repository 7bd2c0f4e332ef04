package org.salescomp.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.salescomp.intermediate.RepMonths;

/**
 * One row per scenario, rep and month: the rep-month ({@link RepMonths}) with every parameter of the
 * plan version in force, the latest whose effective-from is on or before the month's first day.
 * A rep-month whose plan has no version in force yet keeps null plan columns (see {@link #uncovered}).
 */
public final class RepMonthPlans {
  private RepMonthPlans() {}

  public static Dataset<Row> build(Dataset<Row> repMonths, Dataset<Row> planTable) {
    Dataset<Row> candidates = repMonths.join(planTable,
        repMonths.col(RepMonths.PLAN_ID).equalTo(planTable.col(PlanTable.PLAN_ID))
            .and(planTable.col(PlanTable.EFFECTIVE_FROM).leq(repMonths.col(RepMonths.MONTH))),
        "inner");
    Dataset<Row> inForce = candidates
        .withColumn("version_rank", row_number().over(Window
            .partitionBy(col(PlanTable.SCENARIO), col(RepMonths.REP_ID), col(RepMonths.MONTH))
            .orderBy(col(PlanTable.EFFECTIVE_FROM).desc())))
        .where(col("version_rank").equalTo(1))
        .drop("version_rank")
        .drop(planTable.col(PlanTable.PLAN_ID));
    return inForce;
  }

  /** Rep-months whose plan id names no plan, or no version in force for the month: the run must stop. */
  public static Dataset<Row> uncovered(Dataset<Row> repMonths, Dataset<Row> planTable) {
    Dataset<Row> versions = planTable.select(col(PlanTable.PLAN_ID).as("p_plan_id"),
        col(PlanTable.EFFECTIVE_FROM).as("p_from"));
    return repMonths.join(versions,
            col(RepMonths.PLAN_ID).equalTo(col("p_plan_id")).and(col("p_from").leq(col(RepMonths.MONTH))),
            "left_anti")
        .select(RepMonths.REP_ID, RepMonths.MONTH, RepMonths.PLAN_ID);
  }
}
