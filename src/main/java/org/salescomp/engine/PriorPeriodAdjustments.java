package org.salescomp.engine;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Money;

/**
 * Step 12, {@code prior_period_adjustment} ("Closed periods (the pay ledger)"): per rep, closed month
 * and line type, what the month comes to when recomputed now, minus what it paid when it was closed and
 * the corrections already posted for it. A difference other than zero is one line in the month the run
 * posts into (its first open month), carrying {@code for_month} and {@code for_line_type}. Posting
 * makes paid + posted equal the recompute, so the same inputs post nothing the next time.
 *
 * <p>Corrections are made before the balance steps: those read the month's variable pay with its
 * corrections, and their own lines ({@link #NOT_RESTATED}) are never corrected: a closed month's
 * balance stands and the correction reaches the balance through the month it is posted in.
 */
public final class PriorPeriodAdjustments {
  /**
   * Line types a recompute never corrects: corrections themselves, and the balance steps (step 13), which
   * come after the corrections and read them as the variable pay of the month they are posted in.
   */
  public static final List<String> NOT_RESTATED = List.of(PayLines.PRIOR_PERIOD_ADJUSTMENT, PayLines.DRAW_RECOVERY,
      PayLines.DRAW_TOPUP, PayLines.NEGATIVE_CARRY);

  private static final String NOW = "_now";
  private static final String PAID = "_paid";
  private static final String POSTED = "_posted";
  private static final String KEY_PLAN_ID = "_plan_id";
  private static final String KEY_PLAN_HASH = "_plan_hash";

  private PriorPeriodAdjustments() {}

  /**
   * @param lines the engine's lines of steps 1-11 ({@link PayLines#COLUMNS}); only the baseline scenario's
   *     lines of the restated months are read
   * @param ledger published {@code commission_lines} rows this run does not rewrite (closed months, and open
   *     months outside the run): rep_id, month, line_type, amount, for_month, for_line_type, plan_id, plan_hash
   * @param restatedFrom first closed month recomputed (its first day)
   * @param restatedTo last closed month recomputed
   * @param postIn the month the corrections are paid in
   * @return lines in {@link PayLines#COLUMNS} and {@link PayLines#FOR_MONTH}, {@link PayLines#FOR_LINE_TYPE}
   */
  public static Dataset<Row> build(Dataset<Row> lines, Dataset<Row> ledger, LocalDate restatedFrom,
      LocalDate restatedTo, LocalDate postIn) {
    Column restatedLineType = not(col(PayLines.LINE_TYPE).isin(NOT_RESTATED.toArray()));
    Dataset<Row> now = totals(lines.where(col(PayLines.SCENARIO).equalTo(lit(PlanTable.BASELINE)))
            .where(col(PayLines.MONTH).between(lit(restatedFrom), lit(restatedTo))).where(restatedLineType),
        col(PayLines.MONTH), col(PayLines.LINE_TYPE), NOW);
    Dataset<Row> paid = totals(ledger.where(col(PayLines.MONTH).between(lit(restatedFrom), lit(restatedTo)))
            .where(restatedLineType),
        col(PayLines.MONTH), col(PayLines.LINE_TYPE), PAID);
    Dataset<Row> posted = totals(ledger.where(col(PayLines.LINE_TYPE).equalTo(lit(PayLines.PRIOR_PERIOD_ADJUSTMENT)))
            .where(col(PayLines.FOR_MONTH).between(lit(restatedFrom), lit(restatedTo))),
        col(PayLines.FOR_MONTH), col(PayLines.FOR_LINE_TYPE), POSTED);

    String[] key = {PayLines.REP_ID, PayLines.FOR_MONTH, PayLines.FOR_LINE_TYPE};
    Dataset<Row> compared = now.join(paid, key, "full_outer").join(posted, key, "full_outer");
    Column nowAmount = coalesce(col(NOW), Money.zero());
    Column paidAmount = coalesce(col(PAID), Money.zero());
    Column postedAmount = coalesce(col(POSTED), Money.zero());
    // the plan of the corrected month: as recomputed, else as paid (a line type that is gone now)
    Column planId = coalesce(col(NOW + KEY_PLAN_ID), col(PAID + KEY_PLAN_ID), col(POSTED + KEY_PLAN_ID));
    Column planHash = coalesce(col(NOW + KEY_PLAN_HASH), col(PAID + KEY_PLAN_HASH), col(POSTED + KEY_PLAN_HASH));
    return compared
        .withColumn(PayLines.AMOUNT, nowAmount.minus(paidAmount).minus(postedAmount).cast(Money.MONEY))
        .where(col(PayLines.AMOUNT).notEqual(lit(0)))
        .select(
            lit(PlanTable.BASELINE).as(PayLines.SCENARIO),
            col(PayLines.REP_ID),
            lit(postIn).as(PayLines.MONTH),
            lit(PayLines.PRIOR_PERIOD_ADJUSTMENT).as(PayLines.LINE_TYPE),
            lit(null).cast("string").as(PayLines.DEAL_ID),
            lit(null).cast(Money.MONEY).as(PayLines.CREDITED_AMOUNT),
            lit(null).cast("int").as(PayLines.TIER),
            lit(null).cast(Money.RATE).as(PayLines.RATE),
            lit(null).cast(Money.RATE).as(PayLines.MULTIPLIER),
            col(PayLines.AMOUNT),
            lit(Explanations.key(PayLines.PRIOR_PERIOD_ADJUSTMENT)).as(PayLines.EXPLANATION_KEY),
            explanationArgs(nowAmount, paidAmount, postedAmount).as(PayLines.EXPLANATION_ARGS),
            planId.as(PayLines.PLAN_ID),
            planHash.as(PayLines.PLAN_HASH),
            col(PayLines.FOR_MONTH),
            col(PayLines.FOR_LINE_TYPE));
  }

  /**
   * The corrections already posted in the months a run rewrites for closed months it does not restate (older
   * than its window): kept as they are, so rewriting an open month never drops a correction.
   *
   * @param rewritten published {@code commission_lines} rows of the months the run rewrites
   * @param restatedFrom first restated month, or null when the run restates none
   */
  public static Dataset<Row> carried(Dataset<Row> rewritten, LocalDate restatedFrom, LocalDate restatedTo) {
    Dataset<Row> corrections = rewritten.where(col(PayLines.LINE_TYPE).equalTo(lit(PayLines.PRIOR_PERIOD_ADJUSTMENT)));
    if (restatedFrom != null) {
      corrections = corrections.where(not(col(PayLines.FOR_MONTH).between(lit(restatedFrom), lit(restatedTo))));
    }
    List<Column> columns = new java.util.ArrayList<>(List.of(lit(PlanTable.BASELINE).as(PayLines.SCENARIO)));
    for (String c : PayLines.COLUMNS) {
      if (!c.equals(PayLines.SCENARIO)) {
        columns.add(col(c));
      }
    }
    columns.add(col(PayLines.FOR_MONTH));
    columns.add(col(PayLines.FOR_LINE_TYPE));
    return corrections.select(columns.toArray(Column[]::new));
  }

  /** "correction for January 2026 commission: 5,120.00 now, 4,000.00 paid, 500.00 corrected since" */
  private static Column explanationArgs(Column now, Column paid, Column posted) {
    return Explanations.args("for_month", date_format(col(PayLines.FOR_MONTH), "yyyy-MM"),
        "for_line_type", col(PayLines.FOR_LINE_TYPE), "now", now, "paid", paid,
        "posted", when(posted.notEqual(lit(0)), posted));
  }

  /** Amount per rep, month and line type, named {@code prefix}, with the plan of the rep-month. */
  private static Dataset<Row> totals(Dataset<Row> rows, Column month, Column lineType, String prefix) {
    return rows.groupBy(col(PayLines.REP_ID), month.as(PayLines.FOR_MONTH), lineType.as(PayLines.FOR_LINE_TYPE))
        .agg(Money.sum(col(PayLines.AMOUNT)).as(prefix), min(col(PayLines.PLAN_ID)).as(prefix + KEY_PLAN_ID),
            min(col(PayLines.PLAN_HASH)).as(prefix + KEY_PLAN_HASH));
  }
}
