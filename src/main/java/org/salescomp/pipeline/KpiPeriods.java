package org.salescomp.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.domain.RunScope;

/**
 * The KPI rows a run owns: its months, and the quarters and years that contain them (recomputed in
 * full from the inputs, so a reopened month updates its quarter and year too).
 */
final class KpiPeriods {
  private KpiPeriods() {}

  static String ownedRows(RunScope scope) {
    return "(" + range("month", scope.firstDay(), scope.lastMonthStart()) + ") OR ("
        + range("quarter", quarterStart(scope.firstDay()), quarterStart(scope.lastMonthStart())) + ") OR ("
        + range("year", scope.firstDay().withDayOfYear(1), scope.lastMonthStart().withDayOfYear(1)) + ")";
  }

  static Dataset<Row> inScope(Dataset<Row> kpiRows, RunScope scope) {
    return kpiRows.where(owned("month", scope.firstDay(), scope.lastMonthStart())
        .or(owned("quarter", quarterStart(scope.firstDay()), quarterStart(scope.lastMonthStart())))
        .or(owned("year", scope.firstDay().withDayOfYear(1), scope.lastMonthStart().withDayOfYear(1))));
  }

  private static Column owned(String periodType, LocalDate from, LocalDate to) {
    return col("period_type").equalTo(lit(periodType)).and(col("period_start").between(lit(from), lit(to)));
  }

  private static String range(String periodType, LocalDate from, LocalDate to) {
    return "period_type = '" + periodType + "' AND period_start >= '" + from + "' AND period_start <= '" + to + "'";
  }

  private static LocalDate quarterStart(LocalDate d) {
    return d.withMonth(((d.getMonthValue() - 1) / 3) * 3 + 1).withDayOfMonth(1);
  }
}
