package org.salescomp.domain;

import java.math.BigDecimal;
import java.util.List;

/** Customer-experience modifier of a month's commission. */
public record CxModifier(
    int minResponses, List<Threshold> csatBelow, List<Threshold> complaintRateAbove, BigDecimal floor) {}
