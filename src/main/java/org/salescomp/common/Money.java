package org.salescomp.common;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.catalyst.expressions.MakeDecimal;
import org.apache.spark.sql.catalyst.expressions.UnscaledValue;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DecimalType;

/**
 * Decimal types and rounding of the compensation model. Spark widens decimal results of * and / and,
 * past 38 digits, rounds them; the intermediate types below are chosen so that every product the
 * engine forms stays exact (precision p1 + p2 + 1 at most 38) before the single {@link #round2}.
 */
public final class Money {
  /** DECIMAL(18,2), the contract's money type. */
  public static final DecimalType MONEY = DataTypes.createDecimalType(18, 2);
  /** DECIMAL(12,6), the contract's rates and multipliers. */
  public static final DecimalType RATE = DataTypes.createDecimalType(12, 6);
  /** Ratios (attainment, scores): 20 decimals, at least the 10 the model asks for. */
  public static final DecimalType RATIO = DataTypes.createDecimalType(30, 20);
  /** Money before rounding: amount x rate, overlaps of tier bands (from x quota). */
  public static final DecimalType MONEY_8 = DataTypes.createDecimalType(24, 8);
  /** A sum of money x rate products: 14 decimals, exact. */
  public static final DecimalType RAW_14 = DataTypes.createDecimalType(24, 14);
  /** The product of up to three multipliers of six decimals each. */
  public static final DecimalType MULTIPLIER_18 = DataTypes.createDecimalType(22, 18);
  /** Running sums of money. */
  public static final DecimalType MONEY_SUM = DataTypes.createDecimalType(20, 2);

  private Money() {}

  /** HALF_UP to cents (Spark's {@code round} on decimals is HALF_UP), typed as money. */
  public static Column round2(Column exact) {
    return round(exact, 2).cast(MONEY);
  }

  /**
   * The exact sum of amounts of money, as money (null over no rows, or when the sum needs more than 18
   * digits, like {@code sum(...).cast(MONEY)}). Summed as whole cents in a long, as Spark's own optimizer
   * does for narrow decimals ({@code DecimalAggregates}): a decimal(28,2) sum allocates a BigDecimal per
   * row, which was most of the cost of a simulation's aggregations over scenarios x rep-months.
   */
  public static Column sum(Column amount) {
    Column cents = new Column(new UnscaledValue(amount.cast(MONEY).expr()));
    return new Column(new MakeDecimal(functions.sum(cents).expr(), MONEY.precision(), MONEY.scale(), true));
  }

  public static Column zero() {
    return lit(BigDecimal.ZERO.setScale(2)).cast(MONEY);
  }

  public static Column money(BigDecimal amount) {
    return lit(amount).cast(MONEY);
  }
}
