package org.salescomp.marts;

import java.time.Month;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.domain.RunScope;
import org.salescomp.io.PublishedTable;
import org.salescomp.io.SourceTable;
import org.salescomp.staging.SourceData;

/**
 * The dimension tables BI tools join the facts to by key: rep (SCD type 2), team, month and plan
 * version. Each run rebuilds them whole from its accepted inputs and plans.
 */
public final class Dimensions {
  private Dimensions() {}

  /**
   * The published declaration (dim_rep without its name column unless names are included) and rows of
   * each dimension.
   *
   * @param planTable the run's plan table ({@link org.salescomp.engine.PlanTable})
   */
  public static Map<PublishedTable, Dataset<Row>> build(SourceData accepted, Dataset<Row> planTable, RunScope scope,
      Month fiscalYearStart, boolean includeNames) {
    Dataset<Row> reps = accepted.get(SourceTable.REPS);
    Map<PublishedTable, Dataset<Row>> dims = new LinkedHashMap<>();
    dims.put(DimRep.table(includeNames), DimRep.build(reps, includeNames));
    dims.put(DimTeam.TABLE, DimTeam.build(accepted.get(SourceTable.TEAMS)));
    dims.put(DimMonth.TABLE, DimMonth.build(reps, scope.lastMonthStart(), fiscalYearStart));
    dims.put(DimPlanVersion.TABLE, DimPlanVersion.build(planTable));
    return dims;
  }
}
