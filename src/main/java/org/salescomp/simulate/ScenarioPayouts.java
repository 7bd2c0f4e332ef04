package org.salescomp.simulate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.domain.RunScope;
import org.salescomp.engine.Payouts;

/**
 * {@code scenario_payouts}: one row per simulation, scenario, rep and month of the simulated months,
 * with the columns of the published {@code payouts} (the baseline's rows equal a run's payouts of the
 * same months).
 */
final class ScenarioPayouts {
  static final String SIMULATION_ID = "simulation_id";
  static final String SCENARIO = Payouts.SCENARIO;
  static final String REP_ID = Payouts.REP_ID;
  static final String MONTH = Payouts.MONTH;
  static final String TOTAL = Payouts.TOTAL;

  private ScenarioPayouts() {}

  /** The payouts columns after rep_id and month: base_salary, commission, ..., total. */
  static List<String> amountColumns() {
    return Payouts.amountColumns();
  }

  /** @param payouts {@link Payouts}: every scenario's payouts of every computed month */
  static Dataset<Row> build(Dataset<Row> payouts, RunScope scope, String simulationId) {
    List<Column> columns = new ArrayList<>(List.of(lit(simulationId).as(SIMULATION_ID), col(SCENARIO),
        col(REP_ID), col(MONTH)));
    amountColumns().forEach(c -> columns.add(col(c)));
    return payouts
        .where(col(MONTH).between(lit(scope.firstDay()), lit(scope.lastMonthStart())))
        .select(columns.toArray(Column[]::new));
  }
}
