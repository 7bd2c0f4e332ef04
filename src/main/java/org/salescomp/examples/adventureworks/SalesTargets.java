package org.salescomp.examples.adventureworks;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code targets}: Targets.csv's monthly amounts as each rep's monthly revenue quota, as in the file
 * (already in dollars: SOURCE.md says the official thousands were multiplied by 1,000). Targets name
 * the EmployeeID while everything else names the EmployeeKey: the two meet in Salesperson.csv. A
 * target of an EmployeeID without a salesperson keeps the ID as scope_id, so the gate reports it
 * (UNKNOWN_REP) instead of the mapping dropping it.
 */
final class SalesTargets {
  private SalesTargets() {}

  static Dataset<Row> targets(Dataset<Row> targets, Dataset<Row> salespeople) {
    return targets.join(salespeople.select("employee_id", "employee_key"), new String[] {"employee_id"}, "left")
        .select(lit("rep").as("scope"),
            org.apache.spark.sql.functions.coalesce(col("employee_key"), col("employee_id")).as("scope_id"),
            lit("month").as("period_type"), col("target_month").as("period_start"), lit("revenue").as("metric"),
            col("target_amount").as("target"));
  }
}
