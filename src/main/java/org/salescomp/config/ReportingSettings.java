package org.salescomp.config;

import java.time.Month;

/**
 * How the published dimensions describe the business to BI tools.
 *
 * @param fiscalYearStart {@code salescomp.fiscal-year-start}: the month a fiscal year starts in (dim_month)
 * @param includeNames {@code salescomp.publish.include-names}: whether dim_rep carries the reps' names
 */
public record ReportingSettings(Month fiscalYearStart, boolean includeNames) {
  static ReportingSettings read(ConfigReader root) {
    int month = root.integer("fiscal-year-start", 1);
    if (month > 12) {
      throw root.error("fiscal-year-start", "expected a month number from 1 (January) to 12, got " + month);
    }
    return new ReportingSettings(Month.of(month), root.object("publish").bool("include-names"));
  }
}
