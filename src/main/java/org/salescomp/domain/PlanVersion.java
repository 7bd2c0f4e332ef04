package org.salescomp.domain;

import java.time.LocalDate;
import java.util.List;

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
    List<Spiff> spiffs,
    OverrideRules override,
    DrawRules draw,
    BalanceRules balance,
    String hash) {

  public PlanVersion {
    spiffs = List.copyOf(spiffs);
  }

  /** A version without SPIFFs, override, draw or balance rules. */
  public PlanVersion(LocalDate effectiveFrom, CommissionRules commission, CxModifier cxModifier,
      ClawbackRules clawback, NewHireRules newHire, ScorecardRules scorecard, MentorRules mentor, String hash) {
    this(effectiveFrom, commission, cxModifier, clawback, newHire, scorecard, mentor, List.of(), OverrideRules.NONE,
        DrawRules.NONE, BalanceRules.NONE, hash);
  }
}
