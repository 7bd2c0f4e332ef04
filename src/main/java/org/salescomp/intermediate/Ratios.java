package org.salescomp.intermediate;

import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.salescomp.common.Money;

/**
 * Exact quotients of the KPI model ("Ratios are exact decimals"), typed {@link Money#RATIO}. Every ratio
 * is formed as one division of two exact decimals, so it is the true quotient rounded HALF_UP once, at
 * 20 decimals; ratios of ratios are avoided (a scorecard score is {@code actual parts / (parts * target)}).
 */
public final class Ratios {
  /**
   * Numerator type: 12 integer digits, 6 decimals. With a denominator of scale 6, Spark's division
   * keeps 38 - (12 + 6) = 20 decimals exactly (its rule for results wider than 38 digits).
   */
  private static final DecimalType NUMERATOR = DataTypes.createDecimalType(18, 6);
  private static final DecimalType DENOMINATOR = DataTypes.createDecimalType(38, 6);

  private Ratios() {}

  /**
   * {@code numerator / denominator}, null unless the denominator is positive. Both operands must be
   * exact at 6 decimals (counts, money, targets and their products are); the numerator below 10^12.
   */
  public static Column divide(Column numerator, Column denominator) {
    return when(denominator.gt(0),
        numerator.cast(NUMERATOR).divide(denominator.cast(DENOMINATOR)).cast(Money.RATIO));
  }
}
