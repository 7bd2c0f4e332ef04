package org.salescomp.domain;

import java.math.BigDecimal;

public record ScorecardKpi(String metric, BigDecimal weight, boolean lowerIsBetter) {}
