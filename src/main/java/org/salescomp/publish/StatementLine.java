package org.salescomp.publish;

import java.math.BigDecimal;

/** One line of pay on a statement: a {@code commission_lines} row of the rep and month, as published. */
public record StatementLine(
    String lineType,
    String dealId,
    BigDecimal creditedAmount,
    Integer tier,
    BigDecimal rate,
    BigDecimal multiplier,
    BigDecimal amount,
    String explanation,
    String planId) {}
