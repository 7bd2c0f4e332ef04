package org.salescomp.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The commission block of a plan version. Multiplier maps hold the configured keys; the
 * {@code default} entry applies to values without their own.
 */
public record CommissionRules(
    TierMode tierMode,
    List<Tier> tiers,
    Map<String, BigDecimal> productMultipliers,
    Map<String, BigDecimal> channelMultipliers,
    BigDecimal gateMinAttainment,
    BigDecimal monthlyCap) {

  public static final String DEFAULT_KEY = "default";
}
