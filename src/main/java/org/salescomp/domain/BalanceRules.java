package org.salescomp.domain;

import java.math.BigDecimal;

/**
 * The rep's balance owed: negative variable pay carried instead of paid ({@code carryNegative}), recovered
 * from later positive variable pay at {@code recoveryShare}, forgiven in the termination month or not.
 */
public record BalanceRules(boolean carryNegative, BigDecimal recoveryShare, boolean forgiveOnTermination) {
  public static final BalanceRules NONE = new BalanceRules(false, BigDecimal.ONE.setScale(6), false);
}
