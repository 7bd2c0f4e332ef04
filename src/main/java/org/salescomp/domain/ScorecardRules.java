package org.salescomp.domain;

import java.math.BigDecimal;
import java.util.List;

public record ScorecardRules(
    BigDecimal targetBonusQuarterly,
    BigDecimal threshold,
    BigDecimal maxMultiplier,
    BigDecimal kpiScoreCap,
    List<ScorecardKpi> kpis) {}
