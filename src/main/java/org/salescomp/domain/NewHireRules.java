package org.salescomp.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * Protection period of a new hire: month indexes 0 .. months - 1 (the hire month is 0). {@code quotaRamp}:
 * in month index i below its length, the quota tiers and the gate use is {@code round2(quota * quotaRamp[i])}.
 */
public record NewHireRules(int months, BigDecimal rateMultiplier, BigDecimal guaranteeMonthly,
    List<BigDecimal> quotaRamp) {

  public NewHireRules {
    quotaRamp = List.copyOf(quotaRamp);
  }

  /** Without a quota ramp. */
  public NewHireRules(int months, BigDecimal rateMultiplier, BigDecimal guaranteeMonthly) {
    this(months, rateMultiplier, guaranteeMonthly, List.of());
  }
}
