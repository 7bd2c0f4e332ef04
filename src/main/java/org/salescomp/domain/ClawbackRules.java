package org.salescomp.domain;

import java.math.BigDecimal;

public record ClawbackRules(int windowDays, BigDecimal rate, boolean onChurn) {}
