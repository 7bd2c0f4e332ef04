package org.salescomp.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.domain.RunScope;

/**
 * Which published months can extend a run's KPI months: the later months of the year it ends in. The
 * extension itself (a January backfill with June published) is in {@link NightlyJobEndToEndTest}.
 */
@Tag("fast")
class KpiHorizonTest {
  @Test
  void aRunEndingBeforeDecemberLooksAtTheRestOfThatYear() {
    assertThat(KpiHorizon.laterMonths(RunScope.backfill(YearMonth.of(2025, 1), YearMonth.of(2025, 1))))
        .contains(new KpiHorizon.Later(YearMonth.of(2025, 2), YearMonth.of(2025, 12)));
    // the nightly run of 2026-01-05 (December 2025 and January 2026): the rest of 2026, the year it ends in
    assertThat(KpiHorizon.laterMonths(RunScope.nightly(LocalDate.of(2026, 1, 5), 1)))
        .contains(new KpiHorizon.Later(YearMonth.of(2026, 2), YearMonth.of(2026, 12)));
    assertThat(KpiHorizon.laterMonths(RunScope.nightly(LocalDate.of(2026, 11, 30), 1)))
        .contains(new KpiHorizon.Later(YearMonth.of(2026, 12), YearMonth.of(2026, 12)));
  }

  @Test
  void aRunEndingInDecemberHasNoLaterMonthsToRead() {
    assertThat(KpiHorizon.laterMonths(RunScope.nightly(LocalDate.of(2026, 12, 5), 1))).isEmpty();
    assertThat(KpiHorizon.laterMonths(RunScope.backfill(YearMonth.of(2025, 1), YearMonth.of(2026, 12)))).isEmpty();
  }
}
