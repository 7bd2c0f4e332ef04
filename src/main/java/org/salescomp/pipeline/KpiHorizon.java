package org.salescomp.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import java.sql.Date;
import java.time.Month;
import java.time.YearMonth;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.salescomp.domain.RunScope;
import org.salescomp.io.DeltaPublisher;
import org.salescomp.marts.KpiRepPeriod;

/**
 * The months a run computes its KPI tables over. A quarter or year row must aggregate all of its
 * months, so a run whose months end before the last month already published in those periods (a
 * backfill of January when March is published) computes the KPIs through that month, with its inputs
 * as of that month's end, and replaces those month rows too. A nightly run, whose last month is the
 * latest, computes exactly its own months.
 */
final class KpiHorizon {
  private KpiHorizon() {}

  /** The months after the run's last one in that month's year: only a published month there extends it. */
  record Later(YearMonth first, YearMonth last) {}

  /** {@code scope}, extended to the last published KPI month of the year it ends in when that is later. */
  static RunScope of(SparkSession spark, DeltaPublisher publisher, RunScope scope) {
    Optional<Later> later = laterMonths(scope);
    if (later.isEmpty() || publisher.version(KpiRepPeriod.TABLE.name()) < 0) {
      return scope;
    }
    Row last = spark.read().format("delta").load(publisher.pathOf(KpiRepPeriod.TABLE.name()))
        .where(col(KpiRepPeriod.PERIOD_TYPE).equalTo(lit("month"))
            .and(col(KpiRepPeriod.PERIOD_START).between(lit(later.get().first().atDay(1)),
                lit(later.get().last().atDay(1)))))
        .agg(max(KpiRepPeriod.PERIOD_START)).first();
    if (last.isNullAt(0)) {
      return scope;
    }
    YearMonth published = YearMonth.from(((Date) last.get(0)).toLocalDate());
    return new RunScope(scope.from(), published, published.atEndOfMonth());
  }

  /**
   * The months that could extend the run; none when it ends in December, so a nightly run in the
   * year's last month, and every backfill through a December, reads nothing here.
   */
  static Optional<Later> laterMonths(RunScope scope) {
    return scope.to().getMonth() == Month.DECEMBER ? Optional.empty()
        : Optional.of(new Later(scope.to().plusMonths(1), scope.to().withMonth(12)));
  }
}
