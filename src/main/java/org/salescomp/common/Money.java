package org.salescomp.common;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
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

  public static Column zero() {
    return lit(BigDecimal.ZERO.setScale(2)).cast(MONEY);
  }

  public static Column money(BigDecimal amount) {
    return lit(amount).cast(MONEY);
  }
}
