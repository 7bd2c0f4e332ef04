package org.salescomp.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.engine.BaseSalaryLines;
import org.salescomp.engine.DealCommissionLines;
import org.salescomp.engine.RepMonthPlans;
import org.salescomp.intermediate.CreditedDeals;
import org.salescomp.intermediate.FxDailyRates;
import org.salescomp.intermediate.RepMonths;
import org.salescomp.intermediate.RepQuotas;
import org.salescomp.intermediate.RosterMonths;
import org.salescomp.io.SourceTable;
import org.salescomp.marts.Payouts;
import org.salescomp.staging.SourceData;
import org.salescomp.staging.StagedDeals;

/**
 * The whole computation from accepted inputs to marts, as pure Dataset transformations: the same
 * function serves the nightly run (one scenario) and simulations (a plan table with many).
 */
public record PayrollModel(
    Dataset<Row> creditedDeals,
    Dataset<Row> rosterMonths,
    Dataset<Row> repMonths,
    Dataset<Row> repMonthPlans,
    Dataset<Row> quotas,
    Dataset<Row> payLines,
    Dataset<Row> payouts,
    KpiModel kpis) {

  /**
   * @param inputs accepted input rows, one Dataset per source
   * @param planTable {@link org.salescomp.engine.PlanTable} rows of every scenario to evaluate
   * @param lookbackMonths months before the scope the results depend on ({@link RunScope#computeFrom})
   */
  public static PayrollModel build(SourceData inputs, Dataset<Row> planTable, RunScope scope,
      int lookbackMonths, String reportingCurrency) {
    Dataset<Row> roster = inputs.get(SourceTable.REPS);
    Dataset<Row> deals = StagedDeals.build(inputs.get(SourceTable.DEALS), scope.logicalDate());
    Dataset<Row> credited = CreditedDeals.build(deals, inputs.get(SourceTable.DEAL_CREDITS),
        FxDailyRates.build(inputs.get(SourceTable.FX_RATES)), roster, reportingCurrency);
    Dataset<Row> rosterMonths = RosterMonths.build(roster, scope.computeFrom(lookbackMonths), scope.lastMonthStart());
    Dataset<Row> repMonths = RepMonths.build(rosterMonths);
    Dataset<Row> quotas = RepQuotas.monthly(inputs.get(SourceTable.TARGETS));
    Dataset<Row> repMonthPlans = RepMonthPlans.build(repMonths, planTable);

    Dataset<Row> lines = BaseSalaryLines.build(rosterMonths, repMonthPlans)
        .unionByName(DealCommissionLines.build(credited, repMonthPlans, quotas));
    KpiModel kpis = KpiModel.build(inputs, credited, repMonths, quotas, scope);
    return new PayrollModel(credited, rosterMonths, repMonths, repMonthPlans, quotas, lines,
        Payouts.build(lines), kpis);
  }
}
