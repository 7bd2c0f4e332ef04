package org.salescomp.domain;

import java.math.BigDecimal;

/** A manager earns {@code rate} of the credited revenue of each team they manage, their own credits excluded. */
public record OverrideRules(BigDecimal rate) {
  public static final OverrideRules NONE = new OverrideRules(BigDecimal.ZERO.setScale(6));
}
