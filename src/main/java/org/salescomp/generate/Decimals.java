package org.salescomp.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding of random draws into the contract's decimals: money to cents, rates to 6 places. */
final class Decimals {
  private Decimals() {}

  static BigDecimal money(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
  }

  static BigDecimal rate(double value) {
    return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
  }

  /** Rounds to a multiple of {@code step} (e.g. a quota to the hundred), with 2 decimals. */
  static BigDecimal roundedTo(double value, int step) {
    return BigDecimal.valueOf(value / step).setScale(0, RoundingMode.HALF_UP)
        .multiply(BigDecimal.valueOf(step)).setScale(2, RoundingMode.UNNECESSARY);
  }
}
