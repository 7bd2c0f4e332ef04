package org.salescomp.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.io.SourceTable;
import org.salescomp.marts.KpiRepPeriod;
import org.salescomp.staging.SourceData;

/**
 * The KPI marts ("Measures (KPIs)" of the compensation model) from accepted inputs and credited deals.
 *
 * @param repPeriods {@code kpi_rep_period}: rep x period_type x period_start
 * @param teamPeriods {@code kpi_team_period}: team x period_type x period_start (null until built)
 */
public record KpiModel(Dataset<Row> repPeriods, Dataset<Row> teamPeriods) {

  public static KpiModel build(SourceData inputs, Dataset<Row> creditedDeals, Dataset<Row> repMonths,
      Dataset<Row> quotas, RunScope scope) {
    return new KpiModel(
        KpiRepPeriod.months(creditedDeals, repMonths, quotas, inputs.get(SourceTable.TEAMS)), null);
  }
}
