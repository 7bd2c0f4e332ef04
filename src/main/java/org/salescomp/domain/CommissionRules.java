package org.salescomp.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The commission block of a plan version. Multiplier maps hold the configured keys; the
 * {@code default} entry applies to values without their own. {@code attainmentPeriod}: the quota period
 * tiers and the gate use (a month unless the plan says otherwise).
 */
public record CommissionRules(
    TierMode tierMode,
    List<Tier> tiers,
    Map<String, BigDecimal> productMultipliers,
    Map<String, BigDecimal> channelMultipliers,
    BigDecimal gateMinAttainment,
    BigDecimal monthlyCap,
    AttainmentPeriod attainmentPeriod) {

  public static final String DEFAULT_KEY = "default";

  /** Tiers and gate on the month's attainment. */
  public CommissionRules(TierMode tierMode, List<Tier> tiers, Map<String, BigDecimal> productMultipliers,
      Map<String, BigDecimal> channelMultipliers, BigDecimal gateMinAttainment, BigDecimal monthlyCap) {
    this(tierMode, tiers, productMultipliers, channelMultipliers, gateMinAttainment, monthlyCap, AttainmentPeriod.MONTH);
  }

  /**
   * The text plan hashes were made of before plans had an attainment period: a monthly plan keeps its hash
   * (the period joins the hash text only when it is not a month).
   */
  public String hashText() {
    return "CommissionRules[tierMode=" + tierMode + ", tiers=" + tiers + ", productMultipliers=" + productMultipliers
        + ", channelMultipliers=" + channelMultipliers + ", gateMinAttainment=" + gateMinAttainment
        + ", monthlyCap=" + monthlyCap + "]"
        + (attainmentPeriod == AttainmentPeriod.MONTH ? "" : "|attainment-period=" + attainmentPeriod.configName());
  }
}
