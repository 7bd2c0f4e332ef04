package org.salescomp.domain;

import java.math.BigDecimal;

/** Quarter awards of the {@code comp.awards} block. */
public record Awards(
    BigDecimal teamTargetPoolPerMember,
    AwardSplit teamTargetSplit,
    BigDecimal collaborationPool,
    int collaborationMinDeals,
    int cxStarTop,
    BigDecimal cxStarAmount,
    int cxStarMinResponses,
    BigDecimal cxStarMaxComplaintRate,
    int newHireProgressTop,
    BigDecimal newHireProgressAmount,
    int newHireProgressTenureMonths,
    BigDecimal newHireProgressMinAttainment) {

  public enum AwardSplit { EQUAL, REVENUE }
}
