package org.salescomp.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Money;

/**
 * Shapes rows of a rep-month table into {@link PayLines}: the caller names the line type, amount and
 * explanation (a message key and its arguments); deal columns are null unless given. Lines of zero amount are not written.
 */
final class LineBuilder {
  private LineBuilder() {}

  /** Lines explained by the message {@code line.<lineType>} with the given {@link Explanations#args}. */
  static Dataset<Row> monthLines(Dataset<Row> rows, String lineType, Column amount, Column explanationArgs) {
    return monthLines(rows, lineType, amount, lit(Explanations.key(lineType)), explanationArgs);
  }

  static Dataset<Row> monthLines(Dataset<Row> rows, String lineType, Column amount, Column explanationKey,
      Column explanationArgs) {
    return rows
        .withColumn(PayLines.AMOUNT, amount.cast(Money.MONEY))
        .where(col(PayLines.AMOUNT).notEqual(lit(0)))
        .withColumn(PayLines.LINE_TYPE, lit(lineType))
        .withColumn(PayLines.DEAL_ID, lit(null).cast("string"))
        .withColumn(PayLines.CREDITED_AMOUNT, lit(null).cast(Money.MONEY))
        .withColumn(PayLines.TIER, lit(null).cast("int"))
        .withColumn(PayLines.RATE, lit(null).cast(Money.RATE))
        .withColumn(PayLines.MULTIPLIER, lit(null).cast(Money.RATE))
        .withColumn(PayLines.EXPLANATION_KEY, explanationKey)
        .withColumn(PayLines.EXPLANATION_ARGS, explanationArgs)
        .transform(PayLines::conform);
  }
}
