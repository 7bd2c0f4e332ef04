package org.salescomp.domain;

import java.math.BigDecimal;

/** An attainment band: from {@code from} (a share of quota) up to the next tier's {@code from}. */
public record Tier(BigDecimal from, BigDecimal rate) {}
