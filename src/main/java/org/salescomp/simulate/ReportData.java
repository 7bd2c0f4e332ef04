package org.salescomp.simulate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.salescomp.domain.RunScope;

/**
 * What the comparison report and the console summary show, collected from {@code scenario_summary}
 * (its {@code all} rows and the overall breakdowns): a few thousand values at most.
 */
record ReportData(String simulationId, String comparedWith, RunScope scope, List<Scenario> scenarios,
    List<LocalDate> months) {

  /** One scenario: cost per month, and its overall figures. */
  record Scenario(String name, String description, Map<LocalDate, BigDecimal> costByMonth, Overall overall,
      List<Breakdown> breakdowns) {}

  /** The {@code overall / all} row of a scenario. */
  record Overall(long reps, BigDecimal totalCost, BigDecimal change, BigDecimal revenue, BigDecimal costToRevenue,
      long better, long worse, long unchanged, List<BigDecimal> changePercentiles, Map<String, BigDecimal> costByColumn,
      List<RepChange> gainers, List<RepChange> losers) {

    /** The change as a share of the compared cost, or null when that is 0. */
    BigDecimal changeShare() {
      BigDecimal compared = totalCost.subtract(change);
      return compared.signum() == 0 ? null : change.divide(compared, 6, java.math.RoundingMode.HALF_UP);
    }
  }

  record RepChange(String repId, BigDecimal change) {}

  /** An overall row of a team, region or role. */
  record Breakdown(String groupBy, String groupValue, long reps, BigDecimal totalCost, BigDecimal change) {}

  /**
   * @param rows {@code scenario_summary} rows of one simulation: group_by {@code all}, and the
   *     {@code overall} rows of the other groups
   * @param descriptions scenario key -> description, in the simulation's order
   */
  static ReportData of(String simulationId, String comparedWith, RunScope scope, List<Row> rows,
      Map<String, String> descriptions) {
    Map<String, Map<LocalDate, BigDecimal>> costs = new LinkedHashMap<>();
    Map<String, Overall> overall = new LinkedHashMap<>();
    Map<String, List<Breakdown>> breakdowns = new LinkedHashMap<>();
    TreeSet<LocalDate> months = new TreeSet<>();
    for (Row r : rows) {
      String scenario = r.getAs(ScenarioSummary.SCENARIO);
      String type = r.getAs(ScenarioSummary.PERIOD_TYPE);
      String groupBy = r.getAs(ScenarioSummary.GROUP_BY);
      if (type.equals(ScenarioSummary.MONTH) && groupBy.equals(ScenarioSummary.ALL)) {
        LocalDate month = ((java.sql.Date) r.getAs(ScenarioSummary.PERIOD_START)).toLocalDate();
        months.add(month);
        costs.computeIfAbsent(scenario, k -> new TreeMap<>()).put(month, r.getAs(ScenarioSummary.TOTAL_COST));
      } else if (type.equals(ScenarioSummary.OVERALL) && groupBy.equals(ScenarioSummary.ALL)) {
        overall.put(scenario, overall(r));
      } else if (type.equals(ScenarioSummary.OVERALL)) {
        breakdowns.computeIfAbsent(scenario, k -> new ArrayList<>()).add(new Breakdown(groupBy,
            r.getAs(ScenarioSummary.GROUP_VALUE), r.<Long>getAs(ScenarioSummary.REPS),
            r.getAs(ScenarioSummary.TOTAL_COST), r.getAs(ScenarioSummary.CHANGE_TOTAL)));
      }
    }
    List<Scenario> scenarios = new ArrayList<>();
    descriptions.forEach((name, description) -> {
      List<Breakdown> groups = new ArrayList<>(breakdowns.getOrDefault(name, List.of()));
      groups.sort(java.util.Comparator.comparing(Breakdown::groupBy).thenComparing(Breakdown::groupValue));
      scenarios.add(new Scenario(name, description, costs.getOrDefault(name, Map.of()), overall.get(name), groups));
    });
    return new ReportData(simulationId, comparedWith, scope, scenarios, List.copyOf(months));
  }

  private static Overall overall(Row r) {
    List<BigDecimal> percentiles = new ArrayList<>();
    ScenarioSummary.PERCENTILES.forEach(p -> percentiles.add(r.getAs(p)));
    Map<String, BigDecimal> byColumn = new LinkedHashMap<>();
    ScenarioSummary.payColumns().forEach(c -> byColumn.put(c, r.getAs("cost_" + c)));
    return new Overall(r.<Long>getAs(ScenarioSummary.REPS), r.getAs(ScenarioSummary.TOTAL_COST),
        r.getAs(ScenarioSummary.CHANGE_TOTAL), r.getAs(ScenarioSummary.REVENUE),
        r.getAs(ScenarioSummary.COST_TO_REVENUE), r.<Long>getAs(ScenarioSummary.REPS_BETTER),
        r.<Long>getAs(ScenarioSummary.REPS_WORSE), r.<Long>getAs(ScenarioSummary.REPS_UNCHANGED), percentiles,
        byColumn, repChanges(r.getList(r.fieldIndex(ScenarioSummary.TOP_GAINERS))),
        repChanges(r.getList(r.fieldIndex(ScenarioSummary.TOP_LOSERS))));
  }

  private static List<RepChange> repChanges(List<Row> entries) {
    return entries.stream().map(e -> new RepChange(e.getString(0), e.getDecimal(1))).toList();
  }
}
