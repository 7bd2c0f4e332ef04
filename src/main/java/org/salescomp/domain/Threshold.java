package org.salescomp.domain;

import java.math.BigDecimal;

/** A threshold with the multiplier that applies when it is crossed (cx-modifier). */
public record Threshold(BigDecimal threshold, BigDecimal multiplier) {}
