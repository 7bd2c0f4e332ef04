package org.salescomp.domain;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The months a run owns (it replaces exactly these in the published tables) and its logical date:
 * rows dated after the logical date are deferred to a later run.
 */
public record RunScope(YearMonth from, YearMonth to, LocalDate logicalDate) {

  public RunScope {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("--from " + from + " is after --to " + to);
    }
  }

  /** The nightly run for logical date D: D's month and {@code reopenMonths} months before it. */
  public static RunScope nightly(LocalDate logicalDate, int reopenMonths) {
    YearMonth month = YearMonth.from(logicalDate);
    return new RunScope(month.minusMonths(reopenMonths), month, logicalDate);
  }

  /** A backfill of months {@code from..to} inclusive; its logical date is the last day of {@code to}. */
  public static RunScope backfill(YearMonth from, YearMonth to) {
    return new RunScope(from, to, to.atEndOfMonth());
  }

  /** The same run computing from {@code month} on when that is earlier (closed months it restates). */
  public RunScope reaching(YearMonth month) {
    return month.isBefore(from) ? new RunScope(month, to, logicalDate) : this;
  }

  /** The part of the run from {@code month} on (its open months). */
  public RunScope startingAt(YearMonth month) {
    return new RunScope(month, to, logicalDate);
  }

  public LocalDate firstDay() {
    return from.atDay(1);
  }

  public LocalDate lastMonthStart() {
    return to.atDay(1);
  }

  /**
   * The first month a run computes: results of its own months depend on earlier months (clawbacks of
   * earlier deal lines, runs of low attainment, the previous quarter, the year so far), so it starts
   * {@code lookbackMonths} before its first month, at the start of that year. A nightly run and a
   * backfill thus compute any month they share identically.
   */
  public LocalDate computeFrom(int lookbackMonths) {
    return from.minusMonths(lookbackMonths).atDay(1).withDayOfYear(1);
  }

  /** The run id used when the scheduler gives none: stable, so a rerun of the same scope replaces its rows. */
  public String defaultRunId() {
    return "manual__" + from + "_" + to + "_" + logicalDate;
  }
}
