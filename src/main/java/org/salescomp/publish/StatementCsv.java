package org.salescomp.publish;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.salescomp.common.CsvRecord;
import org.salescomp.common.LocaleFormat;
import org.salescomp.common.Messages;

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

  /** Headers in the statement's language, money columns naming the currency; values exact, as published. */
  static String render(Statement s, Messages m, LocaleFormat f) {
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>();
    HEADER.forEach(h -> header.add(m.text("statement.csv." + h, "currency", f.currencyCode())));
    out.append(CsvRecord.of(header)).append("\r\n");
    String month = s.month().toString();
    for (StatementLine l : s.lines()) {
      record(out, s.repId(), month, "line", l.lineType(), l.dealId(), KpiText.exact(l.creditedAmount()),
          l.tier() == null ? null : l.tier().toString(), KpiText.exact(l.rate()), KpiText.exact(l.multiplier()),
          KpiText.exact(l.amount()), null, l.planId(), l.explained(m), l.corrects());
    }
    record(out, s.repId(), month, "total", "total", null, null, null, null, null, s.total().toPlainString(),
        s.payoutTotal().toPlainString(), null, m.text("statement.csv.total", "count", Integer.toString(s.lines().size()),
            "currency", f.currencyCode()));
    kpis(out, s, "kpi_month", s.monthKpis(), m.text("statement.csv.kpi_month",
        "month", f.month(java.time.YearMonth.from(s.month()))));
    kpis(out, s, "kpi_quarter", s.quarterKpis(), m.text("statement.csv.kpi_quarter", "quarter", f.quarter(s.quarter())));
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
