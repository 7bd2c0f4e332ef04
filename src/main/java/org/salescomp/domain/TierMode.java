package org.salescomp.domain;

/** How tier rates apply to a month's revenue (compensation model, "Pay lines of a rep-month", step 2). */
public enum TierMode {
  /** each slice of revenue earns the rate of the band it falls in */
  MARGINAL,
  /** all revenue earns the rate of the band of the month's final attainment */
  RETROACTIVE;

  public String configName() {
    return name().toLowerCase();
  }
}
