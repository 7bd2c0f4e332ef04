package org.salescomp.pipeline;

import java.time.YearMonth;
import java.util.Optional;
import org.salescomp.domain.RunScope;

/**
 * The closed months of a lakehouse ({@code period_close}): every month from {@code first} to {@code last}, since
 * closing a month closes every month before it. Both null when nothing is closed.
 */
public record ClosedMonths(YearMonth first, YearMonth last) {
  public static final ClosedMonths NONE = new ClosedMonths(null, null);

  /** An inclusive range of months. */
  public record Range(YearMonth from, YearMonth to) {}

  public boolean any() {
    return last != null;
  }

  public boolean contains(YearMonth month) {
    return any() && !month.isBefore(first) && !month.isAfter(last);
  }

  /** The first month of the scope that is open: the run writes its pay from there; empty when all are closed. */
  public Optional<YearMonth> firstOpen(RunScope scope) {
    YearMonth open = any() && !scope.from().isAfter(last) ? last.plusMonths(1) : scope.from();
    return open.isAfter(scope.to()) ? Optional.empty() : Optional.of(open);
  }

  /**
   * The closed months a run recomputes and corrects: those of its scope, and the {@code restateMonths}
   * months before its first month.
   */
  public Optional<Range> restated(RunScope scope, int restateMonths) {
    if (!any()) {
      return Optional.empty();
    }
    YearMonth from = later(first, scope.from().minusMonths(restateMonths));
    YearMonth to = last.isBefore(scope.to()) ? last : scope.to();
    return from.isAfter(to) ? Optional.empty() : Optional.of(new Range(from, to));
  }

  /** The closed months older than the restate window: a row dated there that they did not pay is late. */
  public Optional<Range> beforeWindow(RunScope scope, int restateMonths) {
    if (!any()) {
      return Optional.empty();
    }
    YearMonth windowStart = scope.from().minusMonths(restateMonths);
    YearMonth to = last.isBefore(windowStart) ? last : windowStart.minusMonths(1);
    return first.isAfter(to) ? Optional.empty() : Optional.of(new Range(first, to));
  }

  private static YearMonth later(YearMonth a, YearMonth b) {
    return a.isAfter(b) ? a : b;
  }
}
