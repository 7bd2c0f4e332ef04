package org.salescomp.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Money;

/**
 * Shapes rows of a rep-month table into {@link PayLines}: the caller names the line type, amount and
 * explanation; deal columns are null unless given. Lines of zero amount are not written.
 */
final class LineBuilder {
  private LineBuilder() {}

  static Dataset<Row> monthLines(Dataset<Row> rows, String lineType, Column amount, Column explanation) {
    return rows
        .withColumn(PayLines.AMOUNT, amount.cast(Money.MONEY))
        .where(col(PayLines.AMOUNT).notEqual(lit(0)))
        .withColumn(PayLines.LINE_TYPE, lit(lineType))
        .withColumn(PayLines.DEAL_ID, lit(null).cast("string"))
        .withColumn(PayLines.CREDITED_AMOUNT, lit(null).cast(Money.MONEY))
        .withColumn(PayLines.TIER, lit(null).cast("int"))
        .withColumn(PayLines.RATE, lit(null).cast(Money.RATE))
        .withColumn(PayLines.MULTIPLIER, lit(null).cast(Money.RATE))
        .withColumn(PayLines.EXPLANATION, explanation)
        .transform(PayLines::conform);
  }
}
