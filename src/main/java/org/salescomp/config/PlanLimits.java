package org.salescomp.config;

import java.math.BigDecimal;

/**
 * Sanity limits on plan values ({@code salescomp.validation}): a value above its limit is almost
 * always a typo (a rate of 5.0 meant as 5%), so loading the plan stops with exit 2 naming the file and
 * key path. Each plan key is read through the method of its kind, so a new key gets its limit by the
 * call that reads it: {@link #rate} for shares of an amount paid or taken back, {@link #multiplier}
 * for factors on a rate, {@link #attainment} for attainment thresholds and tier boundaries.
 * Negative values are refused for all of them, and for money, by the reader itself.
 */
record PlanLimits(BigDecimal maxRate, BigDecimal maxMultiplier, BigDecimal maxAttainment) {

  static PlanLimits read(ConfigReader validation) {
    return new PlanLimits(validation.nonNegative("max-rate"), validation.nonNegative("max-multiplier"),
        validation.nonNegative("max-attainment"));
  }

  /** A share of an amount (commission rate, clawback share, mentor share): at most {@code max-rate}. */
  BigDecimal rate(ConfigReader c, String key) {
    return atMost(c, key, maxRate, "a rate", "max-rate");
  }

  /** A factor on a rate or a bonus (product, channel, new-hire, scorecard): at most {@code max-multiplier}. */
  BigDecimal multiplier(ConfigReader c, String key) {
    return atMost(c, key, maxMultiplier, "a multiplier", "max-multiplier");
  }

  /** An attainment (revenue / quota) a rule starts or stops at: at most {@code max-attainment}. */
  BigDecimal attainment(ConfigReader c, String key) {
    return atMost(c, key, maxAttainment, "an attainment", "max-attainment");
  }

  private static BigDecimal atMost(ConfigReader c, String key, BigDecimal max, String kind, String limitKey) {
    BigDecimal value = CompModelReader.rate(c, key);
    if (value.compareTo(max) > 0) {
      throw c.error(key, "expected " + kind + " of at most " + max.toPlainString() + " (salescomp.validation."
          + limitKey + "), got " + value.stripTrailingZeros().toPlainString());
    }
    return value;
  }
}
