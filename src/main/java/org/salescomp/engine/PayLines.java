package org.salescomp.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The grain every pay step produces: one line of pay for a scenario, rep and month. Columns are those
 * of the published {@code commission_lines} plus the scenario key.
 */
public final class PayLines {
  public static final String SCENARIO = PlanTable.SCENARIO;
  public static final String REP_ID = "rep_id";
  public static final String MONTH = "month";
  public static final String LINE_TYPE = "line_type";
  public static final String DEAL_ID = "deal_id";
  public static final String CREDITED_AMOUNT = "credited_amount";
  public static final String TIER = "tier";
  public static final String RATE = "rate";
  public static final String MULTIPLIER = "multiplier";
  public static final String AMOUNT = "amount";
  /** The explanation's text in the configured language: published only, made from key and args. */
  public static final String EXPLANATION = "explanation";
  /** The explanation's message key ({@link Explanations}). */
  public static final String EXPLANATION_KEY = "explanation_key";
  /** The explanation's arguments, MAP&lt;STRING,STRING&gt; ({@link Explanations}). */
  public static final String EXPLANATION_ARGS = "explanation_args";
  public static final String PLAN_ID = "plan_id";
  public static final String PLAN_HASH = PlanTable.PLAN_HASH;

  public static final String[] COLUMNS = {SCENARIO, REP_ID, MONTH, LINE_TYPE, DEAL_ID, CREDITED_AMOUNT, TIER,
      RATE, MULTIPLIER, AMOUNT, EXPLANATION_KEY, EXPLANATION_ARGS, PLAN_ID, PLAN_HASH};

  /**
   * The month and line type a {@link #PRIOR_PERIOD_ADJUSTMENT} corrects; null on every other line. Steps 1-11
   * make lines without them ({@link #COLUMNS}); the engine adds them where it unions the corrections in.
   */
  public static final String FOR_MONTH = "for_month";
  public static final String FOR_LINE_TYPE = "for_line_type";

  /** line_type values (data contract), in the order the model computes them. */
  public static final String BASE_SALARY = "base_salary";
  public static final String COMMISSION = "commission";
  /** Retroactive tiers over a quarter or year: the period's deals re-priced at its final attainment, less what they paid. */
  public static final String COMMISSION_TRUE_UP = "commission_true_up";
  public static final String CX_ADJUSTMENT = "cx_adjustment";
  public static final String CAP_ADJUSTMENT = "cap_adjustment";
  public static final String CLAWBACK = "clawback";
  public static final String GUARANTEE_TOPUP = "guarantee_topup";
  public static final String MENTOR_BONUS = "mentor_bonus";
  public static final String ADJUSTMENT = "adjustment";
  public static final String SCORECARD_BONUS = "scorecard_bonus";
  public static final String TEAM_AWARD = "team_award";
  public static final String SPECIAL_AWARD = "special_award";
  public static final String SPIFF = "spiff";
  public static final String OVERRIDE = "override";
  public static final String DRAW_RECOVERY = "draw_recovery";
  public static final String DRAW_TOPUP = "draw_topup";
  public static final String NEGATIVE_CARRY = "negative_carry";
  /** Step 12: the difference a recomputed closed month owes, posted in an open month ("Closed periods"). */
  public static final String PRIOR_PERIOD_ADJUSTMENT = "prior_period_adjustment";

  private PayLines() {}

  public static Dataset<Row> conform(Dataset<Row> lines) {
    return lines.select(COLUMNS[0], java.util.Arrays.copyOfRange(COLUMNS, 1, COLUMNS.length));
  }

  /** Lines of steps 1-11 with {@link #FOR_MONTH} and {@link #FOR_LINE_TYPE} null. */
  public static Dataset<Row> withoutCorrectedPeriod(Dataset<Row> lines) {
    return lines.withColumn(FOR_MONTH, lit(null).cast("date")).withColumn(FOR_LINE_TYPE, lit(null).cast("string"));
  }

  /** Money as a rep reads it: {@code 20,000.00}. */
  public static Column money(Column amount) {
    return format_number(amount, 2);
  }

  /** A rate as a percentage without trailing zeros: 0.025000 reads {@code 2.5%}. */
  public static Column percent(Column rate) {
    return concat(plain(rate.multiply(lit(100))), lit("%"));
  }

  /** A decimal without trailing zeros: 1.200000 reads {@code 1.2}, 10.000000 reads {@code 10}. */
  public static Column plain(Column decimal) {
    Column text = decimal.cast("string");
    return regexp_replace(regexp_replace(text, "(\\.[0-9]*?)0+$", "$1"), "\\.$", "");
  }

}
