package org.salescomp.simulate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import org.apache.spark.sql.Row;
import org.salescomp.config.ConfigError;
import org.salescomp.config.ScenarioSettings;
import org.salescomp.domain.CompModel;
import org.salescomp.domain.Plan;
import org.salescomp.engine.AwardRulesTable;
import org.salescomp.engine.PlanTable;

/**
 * The baseline (the plans in force, scenario key {@value PlanTable#BASELINE}) and the scenarios of a
 * simulation, as the rows of one plan table and one award table.
 *
 * @param baseline the compensation model of the run's configuration
 * @param scenarios the scenarios, in the order given; names are unique
 */
record ScenarioSet(CompModel baseline, List<ScenarioSettings> scenarios) {

  /** A roster plan id and the role of the rows that use it. */
  record RosterPlan(String planId, String role) {}

  ScenarioSet {
    scenarios = List.copyOf(scenarios);
    Set<String> seen = new TreeSet<>();
    for (ScenarioSettings s : scenarios) {
      if (!seen.add(s.name())) {
        throw new ConfigError(null, s.file() + ": salescomp.scenario.name",
            "two scenarios are named " + s.name() + "; names must be unique");
      }
      // the training KPI is computed once for all scenarios, from the run's required courses
      if (!s.comp().requiredCourses().equals(baseline.requiredCourses())) {
        throw new ConfigError(null, s.file() + ": salescomp.comp.training.required-courses",
            "a scenario cannot change the required courses (a KPI, the same in every scenario)");
      }
    }
  }

  /** Scenario keys: the baseline first, then the scenarios in the order given. */
  List<String> names() {
    List<String> names = new ArrayList<>(List.of(PlanTable.BASELINE));
    scenarios.forEach(s -> names.add(s.name()));
    return names;
  }

  /** Roles some scenario assigns another plan. */
  Set<String> mappedRoles() {
    Set<String> roles = new TreeSet<>();
    scenarios.forEach(s -> roles.addAll(s.planByRole().keySet()));
    return roles;
  }

  /** Every scenario's role mappings name roles of the roster. */
  void requireRoles(Set<String> rosterRoles) {
    for (ScenarioSettings s : scenarios) {
      for (String role : s.planByRole().keySet()) {
        if (!rosterRoles.contains(role)) {
          throw s.unknownRole(role, rosterRoles);
        }
      }
    }
  }

  /**
   * The plan table of every scenario: its plans under their ids, and for each roster plan of a mapped
   * role, the assignment ({@link PlanAssignment}) with the versions of the plan the scenario uses.
   * A roster plan id that a scenario does not configure stops the simulation.
   */
  List<Row> planRows(Set<RosterPlan> rosterPlans) {
    List<Row> rows = new ArrayList<>();
    rows.addAll(planRows(PlanTable.BASELINE, baseline.plans(), rosterPlans, (role, plan) -> plan, null));
    for (ScenarioSettings s : scenarios) {
      rows.addAll(planRows(s.name(), s.comp().plans(), rosterPlans, s::planFor, s));
    }
    return rows;
  }

  private List<Row> planRows(String scenario, Map<String, Plan> plans, Set<RosterPlan> rosterPlans,
      BinaryOperator<String> planFor, ScenarioSettings source) {
    Set<String> mapped = mappedRoles();
    Map<String, Plan> table = new LinkedHashMap<>(plans);
    Set<String> missing = new TreeSet<>();
    for (RosterPlan rp : rosterPlans) {
      String uses = mapped.contains(rp.role()) ? planFor.apply(rp.role(), rp.planId()) : rp.planId();
      Plan plan = plans.get(uses);
      if (plan == null) {
        missing.add(uses);
      } else if (mapped.contains(rp.role())) {
        String id = PlanAssignment.id(rp.planId(), rp.role());
        table.put(id, new Plan(id, plan.versions()));
      }
    }
    if (!missing.isEmpty()) {
      String where = source == null ? "" : "scenario " + scenario + " (" + source.file() + "): ";
      throw new ConfigError(null, "salescomp.comp.plans", where + "reps.plan_id names plans that are not configured: "
          + String.join(", ", missing) + " (configured: " + String.join(", ", new TreeSet<>(plans.keySet())) + ")");
    }
    return PlanTable.rows(scenario, new TreeMap<>(table));
  }

  List<Row> awardRows() {
    List<Row> rows = new ArrayList<>(List.of(AwardRulesTable.row(PlanTable.BASELINE, baseline.awards())));
    scenarios.forEach(s -> rows.add(AwardRulesTable.row(s.name(), s.comp().awards())));
    return rows;
  }

  /** The longest lookback of any scenario: a longer clawback window needs earlier months. */
  int lookbackMonths() {
    int months = baseline.lookbackMonths();
    for (ScenarioSettings s : scenarios) {
      months = Math.max(months, s.comp().lookbackMonths());
    }
    return months;
  }
}
