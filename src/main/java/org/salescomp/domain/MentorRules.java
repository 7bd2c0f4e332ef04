package org.salescomp.domain;

import java.math.BigDecimal;

/** A mentor earns {@code rate} of each mentee's commission while the mentee's month index is below {@code months}. */
public record MentorRules(int months, BigDecimal rate) {}
