package org.salescomp.engine;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.salescomp.common.Money;
import org.salescomp.intermediate.RepMonths;
import org.salescomp.io.PublishedTable;

/**
 * Individual awards of a quarter, for every scenario:
 * <ul>
 *   <li>{@code cx-star}: reps active on the quarter's last day with at least min-responses surveys and
 *       a complaint rate at most max-complaint-rate, ranked by csat_avg, then responses (both
 *       descending), then rep_id; the first {@code top} win {@code amount} each;
 *   <li>{@code new-hire-progress}: reps whose month index at quarter end is below tenure-months, with
 *       attainment in this and the previous quarter and at least min-attainment now, ranked by the
 *       improvement (descending, must be positive), then attainment, then rep_id; the first {@code top}
 *       win {@code amount} each.
 * </ul>
 */
public final class SpecialAwards {
  public static final String CX_STAR = "cx-star";
  public static final String NEW_HIRE_PROGRESS = "new-hire-progress";
  public static final String AWARD = "award";
  public static final String RANK = "rank";
  public static final String AMOUNT = "amount";
  public static final String BASIS = "basis";
  /** The line's explanation arguments of a winner (kept off the awards table). */
  static final String LINE_ARGS = "line_args";

  /** The published {@code special_awards} rows and their {@code special_award} pay lines. */
  public record Result(Dataset<Row> awards, Dataset<Row> lines) {}

  private SpecialAwards() {}

  public static final PublishedTable TABLE = new PublishedTable("special_awards",
      "one row per rep, quarter and special award won (paid in the quarter's last month)",
      PublishedTable.columnsOf()
          .add("rep_id", DataTypes.StringType, "the rep")
          .add("quarter", DataTypes.DateType, "first day of the quarter")
          .add(AWARD, DataTypes.StringType, "cx-star or new-hire-progress")
          .add(RANK, DataTypes.IntegerType, "the rep's rank among the award's winners")
          .add(AMOUNT, Money.MONEY, "the amount paid")
          .add(BASIS, DataTypes.StringType, "why the rep won it")
          .withRunId(),
      List.of(), List.of("rep_id", "quarter", AWARD), List.of("quarter", AWARD, RANK),
      PublishedTable.OwnedRows.quartersPaid("quarter"), true);

  /**
   * @param repQuarters rep KPIs: rep_id, period_type, period_start, csat_avg, csat_responses,
   *     complaint_rate, attainment
   * @param members {@link QuarterMembers}
   * @param awardRules {@link AwardRulesTable}
   * @param repMonthPlans {@link RepMonthPlans}
   */
  public static Result build(Dataset<Row> repQuarters, Dataset<Row> members, Dataset<Row> awardRules,
      Dataset<Row> repMonthPlans) {
    Dataset<Row> quarters = repQuarters.where(col("period_type").equalTo(lit("quarter")))
        .withColumn(QuarterMembers.QUARTER, col("period_start"));
    Dataset<Row> winners = cxStars(quarters, members, awardRules)
        .unionByName(newHireProgress(quarters, awardRules, repMonthPlans));
    Dataset<Row> awards = winners.select(PayLines.SCENARIO, PayLines.REP_ID, QuarterMembers.QUARTER, AWARD, RANK,
        AMOUNT, BASIS);
    Dataset<Row> plans = repMonthPlans.select(PayLines.SCENARIO, PayLines.REP_ID, PayLines.MONTH,
        PlanTable.PLAN_ID, PlanTable.PLAN_HASH);
    Dataset<Row> lines = LineBuilder.monthLines(
        winners.withColumn(PayLines.MONTH, add_months(col(QuarterMembers.QUARTER), 2))
            .join(plans, new String[] {PayLines.SCENARIO, PayLines.REP_ID, PayLines.MONTH}),
        PayLines.SPECIAL_AWARD, col(AMOUNT),
        Explanations.key(PayLines.SPECIAL_AWARD, col(AWARD)), col(LINE_ARGS));
    return new Result(awards, lines);
  }

  private static Dataset<Row> cxStars(Dataset<Row> quarters, Dataset<Row> members, Dataset<Row> rules) {
    var ranking = Window.partitionBy(PayLines.SCENARIO, QuarterMembers.QUARTER)
        .orderBy(col("csat_avg").desc(), col("csat_responses").desc(), col(PayLines.REP_ID));
    return quarters
        .join(members.select(QuarterMembers.REP_ID, QuarterMembers.QUARTER),
            new String[] {PayLines.REP_ID, QuarterMembers.QUARTER})
        .crossJoin(rules.where(col(AwardRulesTable.CX_STAR_AMOUNT).gt(0)))
        .where(col("csat_responses").geq(col(AwardRulesTable.CX_STAR_MIN_RESPONSES))
            .and(col("csat_avg").isNotNull())
            .and(col("complaint_rate").leq(col(AwardRulesTable.CX_STAR_MAX_COMPLAINT_RATE))))
        .withColumn(RANK, row_number().over(ranking))
        .where(col(RANK).leq(col(AwardRulesTable.CX_STAR_TOP)))
        .select(col(PayLines.SCENARIO), col(PayLines.REP_ID), col(QuarterMembers.QUARTER), lit(CX_STAR).as(AWARD),
            col(RANK), col(AwardRulesTable.CX_STAR_AMOUNT).cast(Money.MONEY).as(AMOUNT),
            concat(lit("csat "), PayLines.plain(col("csat_avg").cast(Money.RATE)), lit(" over "),
                col("csat_responses").cast("string"), lit(" surveys, complaint rate "),
                PayLines.plain(col("complaint_rate").cast(Money.RATE))).as(BASIS),
            Explanations.args("rank", col(RANK), "csat", col("csat_avg").cast(Money.RATE),
                "surveys", col("csat_responses"), "complaint_rate", col("complaint_rate").cast(Money.RATE)).as(LINE_ARGS));
  }

  private static Dataset<Row> newHireProgress(Dataset<Row> quarters, Dataset<Row> rules, Dataset<Row> repMonthPlans) {
    Dataset<Row> previous = quarters.select(col(PayLines.REP_ID),
        add_months(col(QuarterMembers.QUARTER), 3).as(QuarterMembers.QUARTER),
        col("attainment").as("previous_attainment"));
    Dataset<Row> tenure = repMonthPlans.select(col(PayLines.SCENARIO), col(PayLines.REP_ID),
        add_months(col(PayLines.MONTH), -2).as(QuarterMembers.QUARTER), col(RepMonths.MONTH_INDEX))
        .where(org.apache.spark.sql.functions.month(col(QuarterMembers.QUARTER)).isin(1, 4, 7, 10));
    Column improvement = col("attainment").minus(col("previous_attainment"));
    var ranking = Window.partitionBy(PayLines.SCENARIO, QuarterMembers.QUARTER)
        .orderBy(col("improvement").desc(), col("attainment").desc(), col(PayLines.REP_ID));
    return quarters
        .join(previous, new String[] {PayLines.REP_ID, QuarterMembers.QUARTER})
        .join(tenure, new String[] {PayLines.REP_ID, QuarterMembers.QUARTER})
        .join(rules.where(col(AwardRulesTable.NHP_AMOUNT).gt(0)), PayLines.SCENARIO)
        .withColumn("improvement", improvement)
        .where(col(RepMonths.MONTH_INDEX).lt(col(AwardRulesTable.NHP_TENURE_MONTHS))
            .and(col("attainment").isNotNull()).and(col("previous_attainment").isNotNull())
            .and(col("attainment").geq(col(AwardRulesTable.NHP_MIN_ATTAINMENT)))
            .and(col("improvement").gt(0)))
        .withColumn(RANK, row_number().over(ranking))
        .where(col(RANK).leq(col(AwardRulesTable.NHP_TOP)))
        .select(col(PayLines.SCENARIO), col(PayLines.REP_ID), col(QuarterMembers.QUARTER),
            lit(NEW_HIRE_PROGRESS).as(AWARD), col(RANK),
            col(AwardRulesTable.NHP_AMOUNT).cast(Money.MONEY).as(AMOUNT),
            concat(lit("attainment "), PayLines.plain(col("previous_attainment").cast(Money.RATE)), lit(" -> "),
                PayLines.plain(col("attainment").cast(Money.RATE)), lit(" in month "),
                col(RepMonths.MONTH_INDEX).plus(1).cast("string"), lit(" since hire")).as(BASIS),
            Explanations.args("rank", col(RANK), "previous", col("previous_attainment").cast(Money.RATE),
                "attainment", col("attainment").cast(Money.RATE), "month_no", col(RepMonths.MONTH_INDEX).plus(1))
                .as(LINE_ARGS));
  }
}
