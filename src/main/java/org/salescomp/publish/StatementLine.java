package org.salescomp.publish;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of pay on a statement: a {@code commission_lines} row of the rep and month, as published. A
 * correction of a closed month ({@code prior_period_adjustment}) names the month and line type it corrects.
 */
public record StatementLine(
    String lineType,
    String dealId,
    BigDecimal creditedAmount,
    Integer tier,
    BigDecimal rate,
    BigDecimal multiplier,
    BigDecimal amount,
    String explanation,
    String planId,
    LocalDate forMonth,
    String forLineType) {

  /** "2025-01 commission" for a correction, null for any other line. */
  public String corrects() {
    return forMonth == null ? null : forMonth.toString().substring(0, 7) + " " + forLineType;
  }
}
