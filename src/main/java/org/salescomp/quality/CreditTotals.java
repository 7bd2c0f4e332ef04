package org.salescomp.quality;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@link ReasonCode#CREDITS_NOT_100} (data contract: "the credits of a deal sum to 1, tolerance
 * 0.0001"). A deal is paid by all its credit rows or not at all: when its credit rows (extra
 * identical copies aside) sum to more or less than 1, or one of them is quarantined for a reason of
 * its own, the deal and its remaining credit rows are quarantined, since paying the rest would pay
 * the wrong share, and dropping them all would silently credit the owner with 100%.
 */
final class CreditTotals {
  static final BigDecimal TOLERANCE = new BigDecimal("0.0001");
  static final String DEAL_ID = "deal_id";
  static final String FAILS = "fails";
  static final String DETAIL = "detail";

  private CreditTotals() {}

  /** One row per deal id with credit rows: whether its credits fail, and why. */
  static Dataset<Row> perDeal(Dataset<Row> checkedCredits) {
    Column counted = not(col(Verdicts.DEFERRED)).and(not(col(Verdicts.EXTRA_COPY)));
    Column badRow = when(counted.and(Verdicts.isQuarantined()),
        concat(col(Verdicts.ROW_KEY), lit(" ("), col(Verdicts.REASON), lit(")")));
    Dataset<Row> totals = checkedCredits
        .where(col(DEAL_ID).isNotNull().and(counted))
        .groupBy(col(DEAL_ID))
        .agg(min(badRow).as("bad_row"), sum(col("credit_pct")).as("total"));
    Column offTotal = abs(col("total").minus(lit(BigDecimal.ONE))).gt(lit(TOLERANCE));
    return totals.select(col(DEAL_ID),
        col("bad_row").isNotNull().or(offTotal).as(FAILS),
        when(col("bad_row").isNotNull(),
            concat(lit("credit row "), col("bad_row"), lit(" of this deal is quarantined")))
            .otherwise(concat(lit("the deal's credits sum to "), col("total").cast(DataTypes.StringType),
                lit(", not 1"))).as(DETAIL));
  }

  /** Quarantines the open rows (deals or credits) of the failing deals; {@code perDeal} joined under {@code prefix}. */
  static List<Verdicts.Check> check(String prefix) {
    return List.of(new Verdicts.Check(ReasonCode.CREDITS_NOT_100, col(prefix + FAILS), col(prefix + DETAIL)));
  }
}
