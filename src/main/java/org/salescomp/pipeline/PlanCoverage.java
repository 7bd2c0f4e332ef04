package org.salescomp.pipeline;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.config.ConfigError;
import org.salescomp.engine.RepMonthPlans;

/**
 * "A rep whose plan_id names no plan" is refused: every plan id of the roster must be configured and
 * have a version in force for every month it is used. Checked before anything is written.
 */
final class PlanCoverage {
  private static final int EXAMPLES = 5;

  private PlanCoverage() {}

  static void requirePlansFor(Dataset<Row> roster, Set<String> configuredPlans) {
    // distinct plan ids of the roster: a handful of values, safe to bring to the driver
    List<String> used = roster.select(col("plan_id")).distinct().as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList();
    Set<String> unknown = new TreeSet<>(used);
    unknown.removeAll(configuredPlans);
    if (!unknown.isEmpty()) {
      throw new ConfigError(null, "salescomp.comp.plans",
          "reps.plan_id names plans that are not configured: " + String.join(", ", unknown)
              + " (configured: " + String.join(", ", new TreeSet<>(configuredPlans)) + ")");
    }
  }

  static void requireVersionsInForce(Dataset<Row> repMonths, Dataset<Row> planTable) {
    List<Row> examples = RepMonthPlans.uncovered(repMonths, planTable).limit(EXAMPLES).collectAsList();
    if (!examples.isEmpty()) {
      StringBuilder sb = new StringBuilder("no plan version in force (effective-from too late) for rep-months: ");
      for (Row r : examples) {
        sb.append(r.getString(0)).append(' ').append(r.get(1)).append(" (plan ").append(r.getString(2)).append("); ");
      }
      throw new ConfigError(null, "salescomp.comp.plans", sb.toString().trim());
    }
  }
}
