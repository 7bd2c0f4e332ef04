package org.salescomp.publish;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.salescomp.common.Messages;

/**
 * One line of pay on a statement: a {@code commission_lines} row of the rep and month, as published.
 * {@code explanation} is the published text (the run's language); key and arguments make it in the
 * statement's ({@link #explained}). A correction of a closed month ({@code prior_period_adjustment}) names
 * the month and line type it corrects.
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
    String explanationKey,
    Map<String, String> explanationArgs,
    String planId,
    LocalDate forMonth,
    String forLineType) {

  /** A line that corrects no closed month. */
  public StatementLine(String lineType, String dealId, BigDecimal creditedAmount, Integer tier, BigDecimal rate,
      BigDecimal multiplier, BigDecimal amount, String explanation, String explanationKey,
      Map<String, String> explanationArgs, String planId) {
    this(lineType, dealId, creditedAmount, tier, rate, multiplier, amount, explanation, explanationKey, explanationArgs,
        planId, null, null);
  }

  /** The explanation in the language of {@code messages}; the published text for lines without a key. */
  public String explained(Messages messages) {
    return explanationKey == null ? explanation : messages.format(explanationKey, explanationArgs);
  }

  /** "2025-01 commission" for a correction, null for any other line. */
  public String corrects() {
    return forMonth == null ? null : forMonth.toString().substring(0, 7) + " " + forLineType;
  }
}
