package org.salescomp.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.salescomp.engine.PlanTable;
import org.salescomp.io.PublishedTable;

/**
 * {@code dim_plan_version}: one row per configured plan version, with every parameter as JSON and the
 * hash every pay line carries ({@code commission_lines.plan_hash}).
 */
public final class DimPlanVersion {
  static final String EFFECTIVE_TO = "effective_to";
  static final String PARAMETERS = "parameters";
  /** Plan-table columns that identify a version rather than describe it. */
  private static final List<String> IDENTITY = List.of(PlanTable.SCENARIO, PlanTable.PLAN_ID,
      PlanTable.EFFECTIVE_FROM, PlanTable.PLAN_HASH, PlanTable.COMMISSION_HASH);

  public static final PublishedTable TABLE = new PublishedTable("dim_plan_version",
      "one row per version of a compensation plan: when it is in force, its hash and its parameters",
      PublishedTable.columnsOf()
          .add(PlanTable.PLAN_ID, DataTypes.StringType, "the plan")
          .add(PlanTable.EFFECTIVE_FROM, DataTypes.DateType, "the version is in force in the months starting on or after this day")
          .add(EFFECTIVE_TO, DataTypes.DateType,
              "first day of the plan's next version (exclusive); null for the latest version")
          .add(PlanTable.PLAN_HASH, DataTypes.StringType,
              "hash of the version's resolved rules, as on each pay line (commission_lines.plan_hash)")
          .add(PARAMETERS, DataTypes.StringType,
              "every parameter of the version as JSON (tiers, multipliers, thresholds, rates, ...)")
          .withRunId(),
      List.of(), List.of(PlanTable.PLAN_ID, PlanTable.EFFECTIVE_FROM),
      List.of(PlanTable.PLAN_ID, PlanTable.EFFECTIVE_FROM), PublishedTable.OwnedRows.all(), false);

  private DimPlanVersion() {}

  /** @param planTable {@link PlanTable}: the baseline scenario's versions are published */
  public static Dataset<Row> build(Dataset<Row> planTable) {
    Column[] parameters = Arrays.stream(planTable.columns()).filter(c -> !IDENTITY.contains(c))
        .map(c -> col(c)).toArray(Column[]::new);
    return planTable.where(col(PlanTable.SCENARIO).equalTo(lit(PlanTable.BASELINE)))
        .select(col(PlanTable.PLAN_ID), col(PlanTable.EFFECTIVE_FROM),
            lead(col(PlanTable.EFFECTIVE_FROM), 1).over(Window.partitionBy(col(PlanTable.PLAN_ID))
                .orderBy(col(PlanTable.EFFECTIVE_FROM))).as(EFFECTIVE_TO),
            col(PlanTable.PLAN_HASH), to_json(struct(parameters)).as(PARAMETERS));
  }
}
