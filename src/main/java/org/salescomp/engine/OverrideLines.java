package org.salescomp.engine;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Money;
import org.salescomp.intermediate.CreditedDeals;

/**
 * Step 11, {@code override}: a rep who is {@code teams.manager_rep_id} of a team and active in the month
 * earns, per such team, {@code round2(rate * R)} with the rate of their own plan, {@code R} the credited
 * amounts of the team's deals closed in the month (a credit counts for its rep's team on the close date),
 * the manager's own credits excluded. One line per team, no deal_id.
 */
public final class OverrideLines {
  private static final String TEAM_REVENUE = "team_revenue";

  private OverrideLines() {}

  /**
   * @param creditedDeals {@link CreditedDeals}
   * @param teams the teams table (team_id, manager_rep_id)
   * @param repMonthPlans {@link RepMonthPlans}: the manager's months, each with the override rate in force
   */
  public static Dataset<Row> build(Dataset<Row> creditedDeals, Dataset<Row> teams, Dataset<Row> repMonthPlans) {
    Dataset<Row> managers = repMonthPlans
        .where(col(PlanTable.OVERRIDE_RATE).gt(lit(0)))
        .select(col(PayLines.SCENARIO), col(PayLines.REP_ID), col(PayLines.MONTH), col(PlanTable.OVERRIDE_RATE),
            col(PlanTable.PLAN_ID), col(PlanTable.PLAN_HASH))
        .join(broadcast(teams.where(col("manager_rep_id").isNotNull())
                .select(col("team_id").as("managed_team_id"), col("manager_rep_id").as(PayLines.REP_ID))),
            PayLines.REP_ID);
    Dataset<Row> teamMonths = creditedDeals
        .where(col(CreditedDeals.TEAM_ID).isNotNull())
        .select(col(CreditedDeals.TEAM_ID).as("managed_team_id"), col(CreditedDeals.MONTH).as(PayLines.MONTH),
            col(CreditedDeals.REP_ID).as("credited_rep_id"), col(CreditedDeals.CREDITED_AMOUNT));
    Column notOwn = col("credited_rep_id").notEqual(col(PayLines.REP_ID));
    Dataset<Row> revenue = managers
        .join(teamMonths, new String[] {"managed_team_id", PayLines.MONTH})
        .where(notOwn)
        .groupBy(PayLines.SCENARIO, PayLines.REP_ID, PayLines.MONTH, "managed_team_id", PlanTable.OVERRIDE_RATE,
            PlanTable.PLAN_ID, PlanTable.PLAN_HASH)
        .agg(Money.sum(col(CreditedDeals.CREDITED_AMOUNT)).as(TEAM_REVENUE));
    return revenue
        .withColumn(PayLines.AMOUNT,
            Money.round2(col(PlanTable.OVERRIDE_RATE).multiply(col(TEAM_REVENUE))).cast(Money.MONEY))
        .where(col(PayLines.AMOUNT).notEqual(lit(0)))
        .withColumn(PayLines.LINE_TYPE, lit(PayLines.OVERRIDE))
        .withColumn(PayLines.DEAL_ID, lit(null).cast("string"))
        .withColumn(PayLines.CREDITED_AMOUNT, col(TEAM_REVENUE).cast(Money.MONEY))
        .withColumn(PayLines.TIER, lit(null).cast("int"))
        .withColumn(PayLines.RATE, col(PlanTable.OVERRIDE_RATE))
        .withColumn(PayLines.MULTIPLIER, lit(null).cast(Money.RATE))
        .withColumn(PayLines.EXPLANATION_KEY, lit(Explanations.key(PayLines.OVERRIDE)))
        .withColumn(PayLines.EXPLANATION_ARGS, Explanations.args(
            "rate", col(PlanTable.OVERRIDE_RATE),
            "team", col("managed_team_id"),
            "revenue", col(TEAM_REVENUE)))
        .transform(PayLines::conform);
  }
}
