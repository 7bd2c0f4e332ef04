package org.salescomp.quality;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.config.QualityRules;
import org.salescomp.io.SourceTable;
import org.salescomp.quality.SourceTally.ReasonCount;

/** The threshold on tallies (no Spark): share = quarantined / (read - deferred), per source, with overrides. */
@Tag("fast")
class BadShareThresholdTest {
  private static final QualityRules FIVE_PERCENT = QualityRules.uniform(new BigDecimal("0.05"));

  @Test
  void aboveTheShareTheRunFailsNamingSourceCountAndTopReasonsWithAnExampleEach() {
    SourceTally deals = new SourceTally(SourceTable.DEALS, 1_300, 1_150, 100, 50, List.of(
        new ReasonCount(ReasonCode.NEGATIVE_AMOUNT, 60, "deal_id=D-0000012"),
        new ReasonCount(ReasonCode.UNKNOWN_CUSTOMER, 25, "deal_id=D-0000077"),
        new ReasonCount(ReasonCode.DUPLICATE_KEY, 10, "deal_id=D-0000100"),
        new ReasonCount(ReasonCode.FX_MISSING, 5, "deal_id=D-0000200")));

    // 100 of 1,250 judged rows (the 50 deferred ones are not counted): 8% > 5%
    assertThatThrownBy(() -> BadShareThreshold.check(List.of(deals, clean(SourceTable.REPS)), FIVE_PERCENT))
        .isInstanceOf(DataQualityException.class)
        .hasMessage("input data failed the quality threshold (nothing was written): deals: 100 of 1,250 rows"
            + " quarantined (8.00%, max 5.00%): NEGATIVE_AMOUNT 60 (e.g. deal_id=D-0000012), UNKNOWN_CUSTOMER 25"
            + " (e.g. deal_id=D-0000077), DUPLICATE_KEY 10 (e.g. deal_id=D-0000100)");
  }

  @Test
  void anEmptyDealsSourceIsBlamedBeforeTheCreditsItOrphans() {
    // a deals file with a header only: 0 deals read, so all 40 credits refer to unknown deals
    SourceTally deals = new SourceTally(SourceTable.DEALS, 0, 0, 0, 0, List.of());
    SourceTally credits = new SourceTally(SourceTable.DEAL_CREDITS, 40, 0, 40, 0,
        List.of(new ReasonCount(ReasonCode.UNKNOWN_DEAL, 40, "deal_id=D-1, rep_id=R-1")));

    assertThatThrownBy(() -> BadShareThreshold.check(List.of(deals, credits), FIVE_PERCENT))
        .isInstanceOf(DataQualityException.class)
        .hasMessageStartingWith("source deals has no rows (empty, or a header only); input data failed");
  }

  @Test
  void atTheShareTheRunGoesOn() {
    SourceTally deals = new SourceTally(SourceTable.DEALS, 100, 95, 5, 0,
        List.of(new ReasonCount(ReasonCode.NEGATIVE_AMOUNT, 5, "deal_id=D1")));

    assertThatCode(() -> BadShareThreshold.check(List.of(deals), FIVE_PERCENT)).doesNotThrowAnyException();
  }

  @Test
  void aSourceOverrideAppliesToThatSourceOnly() {
    QualityRules strictDeals = new QualityRules(new BigDecimal("0.05"), Map.of(SourceTable.DEALS, new BigDecimal("0.01")));
    SourceTally deals = new SourceTally(SourceTable.DEALS, 100, 98, 2, 0,
        List.of(new ReasonCount(ReasonCode.UNKNOWN_REP, 2, "deal_id=D1")));
    SourceTally surveys = new SourceTally(SourceTable.CSAT_SURVEYS, 100, 96, 4, 0,
        List.of(new ReasonCount(ReasonCode.SCORE_OUT_OF_RANGE, 4, "survey_id=S1")));

    assertThatThrownBy(() -> BadShareThreshold.check(List.of(deals, surveys), strictDeals))
        .hasMessageContaining("deals: 2 of 100 rows quarantined (2.00%, max 1.00%)")
        .hasMessageNotContaining("csat_surveys");
  }

  @Test
  void everyFailingSourceIsNamed() {
    SourceTally deals = new SourceTally(SourceTable.DEALS, 10, 5, 5, 0,
        List.of(new ReasonCount(ReasonCode.UNKNOWN_REP, 5, "deal_id=D1")));
    SourceTally reps = new SourceTally(SourceTable.REPS, 10, 8, 2, 0,
        List.of(new ReasonCount(ReasonCode.OVERLAPPING_ROSTER, 2, "rep_id=R1, valid_from=2025-01-01")));

    assertThatThrownBy(() -> BadShareThreshold.check(List.of(deals, reps), FIVE_PERCENT))
        .hasMessageContaining("deals: 5 of 10 rows quarantined (50.00%, max 5.00%): UNKNOWN_REP 5 (e.g. deal_id=D1);"
            + " reps: 2 of 10 rows quarantined (20.00%, max 5.00%): OVERLAPPING_ROSTER 2"
            + " (e.g. rep_id=R1, valid_from=2025-01-01)");
  }

  @Test
  void aTallyThatDoesNotReconcileIsABug() {
    assertThatThrownBy(() -> new SourceTally(SourceTable.DEALS, 10, 5, 2, 2, List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("deals does not reconcile: read 10 != accepted 5 + quarantined 2 + deferred 2");
  }

  private static SourceTally clean(SourceTable table) {
    return new SourceTally(table, 10, 10, 0, 0, List.of());
  }
}
