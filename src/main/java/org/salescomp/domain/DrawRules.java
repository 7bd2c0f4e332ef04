package org.salescomp.domain;

import java.math.BigDecimal;

/**
 * A draw: in month indexes below {@code months} variable pay is topped up to {@code monthly} (prorated by
 * active days); a recoverable draw is owed back from later earnings (it adds to the rep's balance).
 */
public record DrawRules(BigDecimal monthly, int months, boolean recoverable) {
  public static final DrawRules NONE = new DrawRules(BigDecimal.ZERO.setScale(2), 0, false);
}
