package org.salescomp.domain;

import java.math.BigDecimal;

/** Protection period of a new hire: month indexes 0 .. months - 1 (the hire month is 0). */
public record NewHireRules(int months, BigDecimal rateMultiplier, BigDecimal guaranteeMonthly) {}
