package org.salescomp.publish;

import java.math.BigDecimal;
import java.util.Map;
import org.salescomp.common.Messages;

/**
 * One line of pay on a statement: a {@code commission_lines} row of the rep and month, as published.
 * {@code explanation} is the published text (the run's language); key and arguments make it in the
 * statement's ({@link #explained}).
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
    String planId) {

  /** The explanation in the language of {@code messages}; the published text for lines without a key. */
  public String explained(Messages messages) {
    return explanationKey == null ? explanation : messages.format(explanationKey, explanationArgs);
  }
}
