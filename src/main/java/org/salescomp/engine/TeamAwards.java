package org.salescomp.engine;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.salescomp.common.Money;
import org.salescomp.common.Periods;
import org.salescomp.intermediate.CreditedDeals;
import org.salescomp.io.PublishedTable;

/**
 * Team awards of a quarter ("Quarter: scorecard, awards"), for every scenario:
 * <ul>
 *   <li>{@code team-target}: a team whose quarter revenue reaches its quarter quota wins
 *       pool-per-member x members (members: reps on the team on the quarter's last day), split equally
 *       or by the members' quarter revenue; a team without a quota wins nothing;
 *   <li>{@code collaboration}: among teams with at least min-deals deals in the quarter, the highest
 *       share of deals credited to two or more reps wins (ties: higher revenue, then smaller team_id);
 *       the pool is split equally among its members.
 * </ul>
 */
public final class TeamAwards {
  public static final String TEAM_TARGET = "team-target";
  public static final String COLLABORATION = "collaboration";
  public static final String AWARD = "award";
  public static final String AMOUNT = "amount";
  public static final String MEMBERS = "members";
  public static final String BASIS = "basis";

  /** The published {@code team_awards} rows and the members' {@code team_award} pay lines. */
  public record Result(Dataset<Row> awards, Dataset<Row> lines) {}

  private TeamAwards() {}

  public static final PublishedTable TABLE = new PublishedTable("team_awards",
      "one row per team, quarter and award: the pool and how many members share it (paid in the quarter's last month)",
      PublishedTable.columnsOf()
          .add("team_id", DataTypes.StringType, "the team")
          .add("quarter", DataTypes.DateType, "first day of the quarter")
          .add(AWARD, DataTypes.StringType, "team-target or collaboration")
          .add(AMOUNT, Money.MONEY, "the pool paid to the members")
          .add(MEMBERS, DataTypes.IntegerType, "members who share the pool")
          .add(BASIS, DataTypes.StringType, "why the team earned it")
          .withRunId(),
      List.of(), List.of("team_id", "quarter", AWARD), List.of("quarter", "team_id", AWARD),
      PublishedTable.OwnedRows.quartersPaid("quarter"), true);

  /**
   * @param teamQuarters team KPIs: team_id, period_type, period_start, revenue, quota
   * @param repQuarters rep KPIs: rep_id, period_type, period_start, revenue
   * @param creditedDeals {@link CreditedDeals}
   * @param members {@link QuarterMembers}
   * @param awardRules {@link AwardRulesTable}
   * @param repMonthPlans {@link RepMonthPlans}, to stamp the lines with the member's plan
   */
  public static Result build(Dataset<Row> teamQuarters, Dataset<Row> repQuarters, Dataset<Row> creditedDeals,
      Dataset<Row> members, Dataset<Row> awardRules, Dataset<Row> repMonthPlans) {
    Dataset<Row> teams = quarters(teamQuarters).select(col("team_id"), col("quarter"),
        col("revenue").as("team_revenue"), col("quota").as("team_quota"));
    Dataset<Row> memberRevenue = quarters(repQuarters).select(col("rep_id"), col("quarter"),
        col("revenue").as("member_revenue"));
    Dataset<Row> teamMembers = members
        .join(memberRevenue, new String[] {"rep_id", "quarter"}, "left")
        .withColumn("member_count", count(lit(1)).over(Window.partitionBy("team_id", "quarter")));

    Dataset<Row> targetMembers = teamMembers
        .join(teams.where(col("team_quota").gt(0).and(col("team_revenue").geq(col("team_quota")))),
            new String[] {"team_id", "quarter"})
        .crossJoin(awardRules.where(col(AwardRulesTable.TEAM_POOL_PER_MEMBER).gt(0)))
        .withColumn(AWARD, lit(TEAM_TARGET))
        .withColumn("pool", col(AwardRulesTable.TEAM_POOL_PER_MEMBER).multiply(col("member_count")).cast(Money.MONEY))
        .withColumn("weight", when(col(AwardRulesTable.TEAM_SPLIT).equalTo(lit("revenue")),
            coalesce(col("member_revenue"), Money.zero())).otherwise(lit(1)).cast(Money.MONEY))
        .withColumn(BASIS, concat(lit("quarter revenue "), PayLines.money(col("team_revenue")),
            lit(" reached quota "), PayLines.money(col("team_quota")), lit("; split "),
            col(AwardRulesTable.TEAM_SPLIT)));

    Dataset<Row> collaborationMembers = teamMembers
        .join(collaborationWinners(creditedDeals, teams, awardRules), new String[] {"team_id", "quarter"})
        .withColumn(AWARD, lit(COLLABORATION))
        .withColumn("pool", col(AwardRulesTable.COLLABORATION_POOL))
        .withColumn("weight", lit(1).cast(Money.MONEY))
        .withColumn(BASIS, concat(col("split_deals").cast("string"), lit(" of "), col("deals").cast("string"),
            lit(" deals shared by two or more reps, the highest share of the quarter")));

    String[] shared = {PayLines.SCENARIO, "team_id", "quarter", "rep_id", QuarterMembers.PAY_MONTH, AWARD, "pool",
        "weight", "member_count", BASIS};
    Dataset<Row> shares = PoolSplit.split(
        targetMembers.select(shared[0], java.util.Arrays.copyOfRange(shared, 1, shared.length))
            .unionByName(collaborationMembers.select(shared[0], java.util.Arrays.copyOfRange(shared, 1, shared.length))),
        "pool", "weight", PayLines.SCENARIO, "team_id", "quarter", AWARD);

    Dataset<Row> awards = shares
        .groupBy(PayLines.SCENARIO, "team_id", "quarter", AWARD)
        .agg(max(col("pool")).as(AMOUNT), max(col("member_count")).cast("int").as(MEMBERS), max(col(BASIS)).as(BASIS));
    Dataset<Row> plans = repMonthPlans.select(PayLines.SCENARIO, PayLines.REP_ID, PayLines.MONTH,
        PlanTable.PLAN_ID, PlanTable.PLAN_HASH);
    Dataset<Row> lines = LineBuilder.monthLines(
        shares.join(plans, new String[] {PayLines.SCENARIO, PayLines.REP_ID, PayLines.MONTH}),
        PayLines.TEAM_AWARD, col(PoolSplit.SHARE),
        Explanations.key(PayLines.TEAM_AWARD, col(AWARD)),
        Explanations.args(
            "team", col("team_id"),
            "share", col(PoolSplit.SHARE),
            "pool", col("pool"),
            "members", col("member_count")));
    return new Result(awards, lines);
  }

  private static Dataset<Row> quarters(Dataset<Row> kpis) {
    return kpis.where(col("period_type").equalTo(lit("quarter"))).withColumn("quarter", col("period_start"));
  }

  /** Per scenario and quarter, the one team that wins the collaboration award, with its deal counts. */
  static Dataset<Row> collaborationWinners(Dataset<Row> creditedDeals, Dataset<Row> teams, Dataset<Row> awardRules) {
    Dataset<Row> teamDeals = creditedDeals
        .where(col(CreditedDeals.TEAM_ID).isNotNull())
        .groupBy(col(CreditedDeals.TEAM_ID).as("team_id"),
            Periods.quarterOf(col(CreditedDeals.CLOSE_DATE)).as("quarter"), col(CreditedDeals.DEAL_ID))
        .agg(max(col(CreditedDeals.CREDITED_REPS)).as("credited_reps"))
        .groupBy("team_id", "quarter")
        .agg(count(lit(1)).as("deals"), sum(when(col("credited_reps").geq(2), 1).otherwise(0)).as("split_deals"));
    var best = Window.partitionBy(PayLines.SCENARIO, "quarter").orderBy(
        col("collaboration_share").desc(), col("team_revenue").desc_nulls_last(), col("team_id"));
    return teamDeals
        .join(teams, new String[] {"team_id", "quarter"}, "left")
        .crossJoin(awardRules.where(col(AwardRulesTable.COLLABORATION_POOL).gt(0)))
        .where(col("deals").geq(col(AwardRulesTable.COLLABORATION_MIN_DEALS)))
        .withColumn("collaboration_share", col("split_deals").cast("decimal(20,0)").divide(col("deals")))
        .withColumn("collaboration_rank", row_number().over(best))
        .where(col("collaboration_rank").equalTo(1))
        .select(col(PayLines.SCENARIO), col("team_id"), col("quarter"), col("deals"), col("split_deals"),
            col(AwardRulesTable.COLLABORATION_POOL));
  }
}
