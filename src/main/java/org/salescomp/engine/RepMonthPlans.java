package org.salescomp.engine;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.salescomp.intermediate.RepMonths;

/**
 * One row per scenario, rep and month: the rep-month ({@link RepMonths}) with every parameter of the
 * plan version in force, the latest whose effective-from is on or before the month's first day.
 * A rep-month whose plan has no version in force yet has no row (a run stops first: {@link #uncovered}).
 */
public final class RepMonthPlans {
  private RepMonthPlans() {}

  public static Dataset<Row> build(Dataset<Row> repMonths, Dataset<Row> planTable) {
    return withPlans(versions(repMonths, planTable), planTable);
  }

  /**
   * One row per scenario, rep and month: the rep-month's columns and the {@code effective_from} of the
   * version in force, without the plan's parameters. This is what a run keeps as a stage: a simulation
   * has a row per scenario and rep-month, and the parameters (tier tables, multiplier maps, KPI lists)
   * would be most of its bytes.
   */
  public static Dataset<Row> versions(Dataset<Row> repMonths, Dataset<Row> planTable) {
    // the version in force depends on the scenario, the plan and the month, not on the rep: chosen on
    // that small grid, then looked up for each rep-month
    Dataset<Row> months = repMonths.select(col(RepMonths.MONTH).as("v_month")).distinct();
    Dataset<Row> inForce = planTable
        .select(col(PlanTable.SCENARIO), col(PlanTable.PLAN_ID).as("v_plan_id"), col(PlanTable.EFFECTIVE_FROM))
        .join(months, col(PlanTable.EFFECTIVE_FROM).leq(col("v_month")))
        .withColumn("version_rank", row_number().over(Window
            .partitionBy(col(PlanTable.SCENARIO), col("v_plan_id"), col("v_month"))
            .orderBy(col(PlanTable.EFFECTIVE_FROM).desc())))
        .where(col("version_rank").equalTo(1))
        .drop("version_rank");
    return repMonths
        .join(broadcast(inForce), col(RepMonths.PLAN_ID).equalTo(col("v_plan_id"))
            .and(col(RepMonths.MONTH).equalTo(col("v_month"))))
        .drop("v_plan_id", "v_month");
  }

  /** {@link #versions} with every parameter of its plan version: a broadcast lookup in the small plan table. */
  public static Dataset<Row> withPlans(Dataset<Row> versions, Dataset<Row> planTable) {
    return versions.join(broadcast(planTable), new String[] {PlanTable.SCENARIO, PlanTable.PLAN_ID,
        PlanTable.EFFECTIVE_FROM});
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
