package org.salescomp.publish;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import org.salescomp.common.LocaleFormat;

/** How a KPI measure reads on a page: money with cents, shares as percentages, scores with four decimals. */
final class KpiText {
  private static final Set<String> MONEY = Set.of("revenue", "cancelled_amount", "quota");
  private static final Set<String> SHARES =
      Set.of("attainment", "complaint_rate", "retention_rate", "training_completion");

  private KpiText() {}

  static String format(String measure, Object value) {
    if (value == null) {
      return "–";
    }
    if (value instanceof BigDecimal d) {
      if (MONEY.contains(measure)) {
        return Html.money(d);
      }
      if (SHARES.contains(measure)) {
        return Html.percent(d);
      }
      return Html.plain(d.setScale(Math.min(d.scale(), 4), RoundingMode.HALF_UP));
    }
    return value.toString();
  }

  /** As {@link #format(String, Object)}, in a language: money with its currency, grouped counts. */
  static String format(String measure, Object value, LocaleFormat f) {
    if (value == null) {
      return "–";
    }
    if (value instanceof BigDecimal d) {
      if (MONEY.contains(measure)) {
        return f.money(d);
      }
      if (SHARES.contains(measure)) {
        return f.percent1(d);
      }
      return f.plain(d.setScale(Math.min(d.scale(), 4), RoundingMode.HALF_UP));
    }
    if (value instanceof Integer || value instanceof Long) {
      return f.number(BigDecimal.valueOf(((Number) value).longValue()));
    }
    return value.toString();
  }

  /** The exact value as published, for CSV: decimals in plain notation. */
  static String exact(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
  }

  static String label(String measure) {
    return measure.replace('_', ' ');
  }
}
