package org.salescomp.simulate;

import static org.apache.spark.sql.functions.col;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.salescomp.common.Stages;
import org.salescomp.config.ConfigError;
import org.salescomp.domain.RunScope;
import org.salescomp.engine.AwardRulesTable;
import org.salescomp.engine.BalanceLines;
import org.salescomp.engine.CompEngine;
import org.salescomp.engine.PlanTable;
import org.salescomp.intermediate.RepMonths;
import org.salescomp.intermediate.RosterMonths;
import org.salescomp.io.SourceTable;
import org.salescomp.pipeline.PayrollModel;
import org.salescomp.staging.SourceData;

/**
 * Every scenario of a simulation through the production model in one pass: the plan and award tables
 * of the baseline and the scenarios are unioned (the scenario is a key column) and
 * {@link PayrollModel#build} runs once. Checks what a run checks before it computes (every roster plan
 * configured, a version in force for every rep-month), per scenario.
 */
final class SimulationModel {
  private static final int EXAMPLES = 5;

  private SimulationModel() {}

  static PayrollModel build(SparkSession spark, SourceData inputs, ScenarioSet scenarios, RunScope scope,
      Stages stages, String reportingCurrency) {
    return build(spark, inputs, scenarios, scope, stages, reportingCurrency, CompEngine.Detail.PAYOUTS);
  }

  /** @param detail {@link CompEngine.Detail#PAYOUTS} in a simulation; tests compare it with every line's */
  static PayrollModel build(SparkSession spark, SourceData inputs, ScenarioSet scenarios, RunScope scope,
      Stages stages, String reportingCurrency, CompEngine.Detail detail) {
    return build(spark, inputs, scenarios, scope, stages, reportingCurrency, detail, BalanceLines.Opening.NONE);
  }

  /**
   * @param opening where the balance step's fold starts, and the balances owed then: the job's is the
   *     ledger's at the simulation's first month, as a run's ({@link org.salescomp.pipeline.Ledger#openingAt});
   *     {@link BalanceLines.Opening#NONE} folds every computed month from zero
   */
  static PayrollModel build(SparkSession spark, SourceData inputs, ScenarioSet scenarios, RunScope scope,
      Stages stages, String reportingCurrency, CompEngine.Detail detail, BalanceLines.Opening opening) {
    Dataset<Row> reps = inputs.get(SourceTable.REPS);
    // distinct plan ids and roles of the roster: a handful of values, safe to bring to the driver
    Set<ScenarioSet.RosterPlan> rosterPlans = new HashSet<>();
    Set<String> roles = new HashSet<>();
    for (Row r : reps.select("plan_id", "role").distinct().collectAsList()) {
      rosterPlans.add(new ScenarioSet.RosterPlan(r.getString(0), r.getString(1)));
      roles.add(r.getString(1));
    }
    scenarios.requireRoles(roles);
    Dataset<Row> roster = PlanAssignment.roster(reps, scenarios.mappedRoles());
    Dataset<Row> planTable = PlanTable.of(spark, scenarios.planRows(rosterPlans));
    PayrollModel.Rules rules = new PayrollModel.Rules(planTable,
        AwardRulesTable.of(spark, scenarios.awardRows()), scenarios.baseline().coaching(),
        scenarios.baseline().requiredCourses(), scenarios.lookbackMonths(), reportingCurrency);
    requireVersionsInForce(spark, roster, planTable, scenarios.names(), scope, rules.lookbackMonths());
    return PayrollModel.build(inputs.with(SourceTable.REPS, roster), rules, scope, stages, detail,
        CompEngine.Corrections.openingWith(opening));
  }

  /** As a run: a rep-month whose plan has no version in force yet stops the simulation, naming the scenario. */
  private static void requireVersionsInForce(SparkSession spark, Dataset<Row> roster, Dataset<Row> planTable,
      List<String> names, RunScope scope, int lookbackMonths) {
    Dataset<Row> repMonths = RepMonths.build(RosterMonths.build(roster, scope.computeFrom(lookbackMonths),
        scope.lastMonthStart()));
    Dataset<Row> versions = planTable.select(col(PlanTable.SCENARIO).as("v_scenario"),
        col(PlanTable.PLAN_ID).as("v_plan_id"), col(PlanTable.EFFECTIVE_FROM).as("v_from"));
    List<Row> examples = repMonths
        .crossJoin(spark.createDataset(names, Encoders.STRING()).toDF(PlanTable.SCENARIO))
        .join(versions, col(PlanTable.SCENARIO).equalTo(col("v_scenario"))
            .and(col(RepMonths.PLAN_ID).equalTo(col("v_plan_id")))
            .and(col("v_from").leq(col(RepMonths.MONTH))), "left_anti")
        .select(PlanTable.SCENARIO, RepMonths.REP_ID, RepMonths.MONTH, RepMonths.PLAN_ID)
        .limit(EXAMPLES)
        .collectAsList();
    if (!examples.isEmpty()) {
      StringBuilder sb = new StringBuilder("no plan version in force (effective-from too late) for rep-months: ");
      for (Row r : examples) {
        sb.append("scenario ").append(r.getString(0)).append(' ').append(r.getString(1)).append(' ')
            .append(r.get(2)).append(" (plan ").append(r.getString(3)).append("); ");
      }
      throw new ConfigError(null, "salescomp.comp.plans", sb.toString().trim());
    }
  }
}
