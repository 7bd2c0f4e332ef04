package org.salescomp.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.domain.RunScope;

/** Which months a run writes, restates and judges late, with January 2025 .. February 2026 closed. */
@Tag("fast")
class ClosedMonthsTest {
  static final ClosedMonths CLOSED = new ClosedMonths(YearMonth.of(2025, 1), YearMonth.of(2026, 2));
  /** The nightly run of 2026-04-30 with one month reopened: March and April 2026. */
  static final RunScope NIGHTLY = new RunScope(YearMonth.of(2026, 3), YearMonth.of(2026, 4),
      java.time.LocalDate.of(2026, 4, 30));

  @Test
  void aRunWritesFromItsFirstOpenMonth() {
    assertThat(CLOSED.firstOpen(NIGHTLY)).contains(YearMonth.of(2026, 3));
    // February is closed: a run of February .. March writes March only
    assertThat(CLOSED.firstOpen(NIGHTLY.reaching(YearMonth.of(2026, 2)))).contains(YearMonth.of(2026, 3));
    assertThat(CLOSED.firstOpen(RunScope.backfill(YearMonth.of(2025, 6), YearMonth.of(2026, 2)))).isEmpty();
    assertThat(ClosedMonths.NONE.firstOpen(NIGHTLY)).contains(YearMonth.of(2026, 3));
  }

  @Test
  void theRestateWindowIsTheMonthsBeforeTheFirstMonthAndOlderClosedMonthsAreLate() {
    // 12 months before March 2026: March 2025 .. February 2026; older: January .. February 2025
    assertThat(CLOSED.restated(NIGHTLY, 12)).contains(new ClosedMonths.Range(YearMonth.of(2025, 3), YearMonth.of(2026, 2)));
    assertThat(CLOSED.beforeWindow(NIGHTLY, 12)).contains(new ClosedMonths.Range(YearMonth.of(2025, 1), YearMonth.of(2025, 2)));
    // a window of 0 restates nothing before the run; every closed month is older
    assertThat(CLOSED.restated(NIGHTLY, 0)).isEmpty();
    assertThat(CLOSED.beforeWindow(NIGHTLY, 0)).contains(new ClosedMonths.Range(YearMonth.of(2025, 1), YearMonth.of(2026, 2)));
    // a window reaching past the first closed month: nothing is late
    assertThat(CLOSED.restated(NIGHTLY, 24)).contains(new ClosedMonths.Range(YearMonth.of(2025, 1), YearMonth.of(2026, 2)));
    assertThat(CLOSED.beforeWindow(NIGHTLY, 24)).isEmpty();
    assertThat(ClosedMonths.NONE.restated(NIGHTLY, 12)).isEmpty();
  }

  @Test
  void closedMonthsInsideTheRunAreRestatedToo() {
    RunScope februaryToApril = NIGHTLY.reaching(YearMonth.of(2026, 2));
    assertThat(CLOSED.restated(februaryToApril, 1)).contains(new ClosedMonths.Range(YearMonth.of(2026, 1), YearMonth.of(2026, 2)));
  }
}
