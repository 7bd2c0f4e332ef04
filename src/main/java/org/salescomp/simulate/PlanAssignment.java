package org.salescomp.simulate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The mapping layer behind {@code plan-by-role}: the engine finds a rep-month's plan by the roster's
 * {@code plan_id}, one plan table row set per scenario. For the roles some scenario maps, the
 * simulation's copy of the roster names an <em>assignment</em> ({@code plan_id|role}) instead, and each
 * scenario's plan table gives that assignment the versions of the plan the scenario uses for it (the
 * roster's plan in the baseline). The engine itself is unchanged; only the simulation does this, and
 * only when a scenario maps a role.
 */
final class PlanAssignment {
  static final String SEPARATOR = "|";
  private static final String PLAN_ID = "plan_id";
  private static final String ROLE = "role";

  private PlanAssignment() {}

  /** The roster with the assignment in {@code plan_id} for rows of a mapped role; other rows as they are. */
  static Dataset<Row> roster(Dataset<Row> reps, Set<String> mappedRoles) {
    if (mappedRoles.isEmpty()) {
      return reps;
    }
    return reps.withColumn(PLAN_ID, when(col(ROLE).isin(mappedRoles.toArray()),
        concat(col(PLAN_ID), lit(SEPARATOR), col(ROLE))).otherwise(col(PLAN_ID)));
  }

  static String id(String planId, String role) {
    return planId + SEPARATOR + role;
  }
}
