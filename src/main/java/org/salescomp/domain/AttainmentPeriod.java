package org.salescomp.domain;

/**
 * The quota period commission tiers and the gate measure attainment over (compensation model, "New plan keys"):
 * with a quarter or a year, a deal is placed in the period-to-date revenue against the period's quota.
 */
public enum AttainmentPeriod {
  MONTH,
  QUARTER,
  YEAR;

  public String configName() {
    return name().toLowerCase();
  }
}
