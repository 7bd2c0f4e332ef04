package org.salescomp.publish;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A statement as CSV, one record per row of a tidy table: {@code section} is {@code line} (a line of
 * pay), {@code total} (the sum of the lines, with {@code payouts.total} in {@code value}),
 * {@code kpi_month} or {@code kpi_quarter} (a measure of the rep's KPI row, its value in {@code value}).
 * Values are exact, as published.
 */
final class StatementCsv {
  static final List<String> HEADER = List.of("rep_id", "month", "section", "name", "deal_id", "credited_amount",
      "tier", "rate", "multiplier", "amount", "value", "plan_id", "explanation", "corrects");

  private StatementCsv() {}

  static String render(Statement s) {
    StringBuilder out = new StringBuilder();
    out.append(CsvRecord.of(HEADER)).append("\r\n");
    String month = s.month().toString();
    for (StatementLine l : s.lines()) {
      record(out, s.repId(), month, "line", l.lineType(), l.dealId(), KpiText.exact(l.creditedAmount()),
          l.tier() == null ? null : l.tier().toString(), KpiText.exact(l.rate()), KpiText.exact(l.multiplier()),
          KpiText.exact(l.amount()), null, l.planId(), l.explanation(), l.corrects());
    }
    record(out, s.repId(), month, "total", "total", null, null, null, null, null, s.total().toPlainString(),
        s.payoutTotal().toPlainString(), null, "sum of " + s.lines().size() + " lines; value is payouts.total");
    kpis(out, s, "kpi_month", s.monthKpis(), "month from " + month);
    kpis(out, s, "kpi_quarter", s.quarterKpis(), "quarter from " + s.quarter());
    return out.toString();
  }

  private static void kpis(StringBuilder out, Statement s, String section, Map<String, Object> kpis, String period) {
    for (Map.Entry<String, Object> e : kpis.entrySet()) {
      record(out, s.repId(), s.month().toString(), section, e.getKey(), null, null, null, null, null, null,
          KpiText.exact(e.getValue()), null, period);
    }
  }

  private static void record(StringBuilder out, String... fields) {
    List<String> values = new ArrayList<>(Arrays.asList(fields));
    while (values.size() < HEADER.size()) {
      values.add(null); // "corrects" is a line's only
    }
    out.append(CsvRecord.of(values)).append("\r\n");
  }
}
