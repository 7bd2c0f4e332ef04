package org.salescomp.domain;

import java.time.LocalDate;

/**
 * One dated version of a plan. {@code hash} identifies the version's full, resolved content, so every
 * pay line can say which rules produced it.
 */
public record PlanVersion(
    LocalDate effectiveFrom,
    CommissionRules commission,
    CxModifier cxModifier,
    ClawbackRules clawback,
    NewHireRules newHire,
    ScorecardRules scorecard,
    MentorRules mentor,
    String hash) {}
