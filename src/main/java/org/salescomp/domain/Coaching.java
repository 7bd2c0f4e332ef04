package org.salescomp.domain;

import java.math.BigDecimal;

public record Coaching(
    BigDecimal attainmentBelow, int consecutiveMonths, BigDecimal csatBelow, BigDecimal complaintRateAbove) {}
