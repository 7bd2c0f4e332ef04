package org.salescomp.publish;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.salescomp.common.LocaleFormat;
import org.salescomp.common.Messages;

/**
 * A statement as one self-contained HTML page (inline CSS, no script) in the configured language: the
 * total and its reconciliation with {@code payouts.total}, every line with its explanation and the KPIs
 * that drove it, and the KPI rows. Money columns name the reporting currency.
 */
final class StatementHtml {
  private final Statement s;
  private final Messages m;
  private final LocaleFormat f;

  private StatementHtml(Statement s, Messages m, LocaleFormat f) {
    this.s = s;
    this.m = m;
    this.f = f;
  }

  static String render(Statement s, Messages messages, LocaleFormat format) {
    return new StatementHtml(s, messages, format).page();
  }

  private String page() {
    String month = f.month(YearMonth.from(s.month()));
    String title = m.text("statement.title", "rep", s.repId(), "month", month);
    StringBuilder body = new StringBuilder();
    body.append("<h1>").append(Html.escape(title)).append("</h1>\n");
    body.append("<p class=\"meta\">").append(m.text("statement.meta", "rep", Html.escape(s.repId()),
        "team", team(), "month", Html.escape(month), "plans", Html.escape(String.join(", ", plans()))))
        .append("</p>\n");
    ledger(body);
    summary(body);
    lines(body);
    corrections(body);
    kpis(body);
    return Html.fill(Html.resource("statement.html"), Map.of("lang", m.locale().tag(), "title", Html.escape(title),
        "body", body.toString()));
  }

  private String text(String key, String... args) {
    return Html.escape(m.text(key, args));
  }

  private String currency() {
    return f.currencyCode();
  }

  /** Whether the month went to payroll: a closed month's lines never change, later corrections go forward. */
  private void ledger(StringBuilder body) {
    body.append(s.closedOn() != null
        ? "<p class=\"meta\" id=\"closed\">" + text("statement.closed", "date", f.date(s.closedOn())) + "</p>\n"
        : "<p class=\"meta\" id=\"open\">" + text("statement.open") + "</p>\n");
  }

  /** The corrections of closed months paid in this month, with the month and line type each corrects. */
  private void corrections(StringBuilder body) {
    List<StatementLine> corrections = s.corrections();
    if (corrections.isEmpty()) {
      return;
    }
    body.append("<h2>").append(text("statement.corrections", "count", Integer.toString(corrections.size())))
        .append("</h2>\n<table class=\"corrections\">\n<tr><th>").append(text("statement.col.corrects"))
        .append("</th><th>").append(text("statement.col.amount", "currency", currency())).append("</th><th>")
        .append(text("statement.col.explanation")).append("</th></tr>\n");
    for (StatementLine l : corrections) {
      body.append("<tr class=\"correction\"><td>")
          .append(text("statement.corrects", "month", f.month(YearMonth.from(l.forMonth())),
              "line_type", m.text("line_type." + l.forLineType())))
          .append("</td><td class=\"num\">").append(f.amount(l.amount())).append("</td><td>")
          .append(Html.escape(l.explained(m))).append("</td></tr>\n");
    }
    body.append("</table>\n");
  }

  private String team() {
    Object team = s.monthKpis().get("team_id");
    Object region = s.monthKpis().get("region");
    return team == null ? "" : Html.escape(m.text("statement.meta.team", "team", team.toString())
        + (region == null ? "" : m.text("statement.meta.region", "region", region.toString())));
  }

  private Set<String> plans() {
    Set<String> plans = new LinkedHashSet<>();
    s.lines().forEach(l -> plans.add(l.planId()));
    return plans;
  }

  private void summary(StringBuilder body) {
    BigDecimal difference = s.total().subtract(s.payoutTotal());
    body.append("<table class=\"summary\">\n");
    // the lines in the dashboard's pay mix groups, with the dashboard's names for them
    s.payMix().forEach((group, amount) -> body.append("<tr class=\"mix\"><th>")
        .append(text("dashboard.js.paymix." + group)).append("</th><td class=\"num\" id=\"mix-").append(group)
        .append("\" data-value=\"").append(amount.toPlainString()).append("\">").append(Html.escape(f.money(amount)))
        .append("</td></tr>\n"));
    body
        .append("<tr><th>").append(text("statement.total_of_lines", "currency", currency()))
        .append("</th><td class=\"num\" id=\"total\" data-value=\"").append(s.total().toPlainString()).append("\">")
        .append(Html.escape(f.money(s.total()))).append("</td></tr>\n")
        .append("<tr><th>").append(text("statement.payout_total", "currency", currency()))
        .append("</th><td class=\"num\" id=\"payout-total\" data-value=\"").append(s.payoutTotal().toPlainString())
        .append("\">").append(Html.escape(f.money(s.payoutTotal()))).append("</td></tr>\n")
        .append("<tr><th>").append(text("statement.reconciles")).append("</th><td id=\"reconciles\" data-value=\"")
        .append(s.reconciles() ? "yes" : "no").append("\">")
        .append(s.reconciles() ? text("statement.reconciles.yes")
            : text("statement.reconciles.no", "difference", f.money(difference)))
        .append("</td></tr>\n</table>\n");
  }

  private void lines(StringBuilder body) {
    body.append("<h2>").append(text("statement.lines", "count", Integer.toString(s.lines().size())))
        .append("</h2>\n<table class=\"lines\">\n<tr>");
    for (String col : List.of("line", "deal", "credited", "tier", "rate", "multiplier", "amount", "explanation",
        "drivers")) {
      body.append("<th>").append(text("statement.col." + col, "currency", currency())).append("</th>");
    }
    body.append("</tr>\n");
    for (StatementLine l : s.lines()) {
      body.append("<tr class=\"line\" data-line-type=\"").append(Html.escape(l.lineType())).append("\"><td>")
          .append(text("line_type." + l.lineType())).append("</td><td>")
          .append(Html.escape(l.dealId())).append("</td><td class=\"num\">").append(f.amount(l.creditedAmount()))
          .append("</td><td class=\"num\">").append(l.tier() == null ? "" : l.tier()).append("</td><td class=\"num\">")
          .append(l.rate() == null ? "" : f.percent(l.rate()))
          .append("</td><td class=\"num\">").append(f.plain(l.multiplier())).append("</td><td class=\"num amount\">")
          .append(f.amount(l.amount())).append("</td><td class=\"explanation\">")
          .append(Html.escape(l.explained(m)))
          .append("</td><td class=\"drivers\">").append(Html.escape(drivers(l.lineType()))).append("</td></tr>\n");
    }
    body.append("<tr class=\"total\"><th colspan=\"6\">").append(text("statement.total", "currency", currency()))
        .append("</th><td class=\"num\">").append(Html.escape(f.money(s.total())))
        .append("</td><td colspan=\"2\"></td></tr>\n</table>\n");
  }

  /** The KPI values that drove a line, e.g. {@code attainment 87.3% (month)}. */
  private String drivers(String lineType) {
    List<String> parts = new ArrayList<>();
    for (String measure : LineDrivers.monthly(lineType)) {
      if (s.monthKpis().containsKey(measure)) {
        parts.add(m.text("statement.driver.month", "measure", m.text("kpi." + measure),
            "value", KpiText.format(measure, s.monthKpis().get(measure), f)));
      }
    }
    for (String measure : LineDrivers.quarterly(lineType)) {
      if (s.quarterKpis().containsKey(measure)) {
        parts.add(m.text("statement.driver.quarter", "measure", m.text("kpi." + measure),
            "value", KpiText.format(measure, s.quarterKpis().get(measure), f)));
      }
    }
    return String.join(" · ", parts);
  }

  private void kpis(StringBuilder body) {
    boolean quarter = !s.quarterKpis().isEmpty();
    body.append("<h2>").append(text("statement.kpis")).append("</h2>\n<table class=\"kpis\">\n<tr><th>")
        .append(text("statement.kpis.measure")).append("</th><th>")
        .append(text("statement.kpis.month", "month", f.month(YearMonth.from(s.month())))).append("</th>")
        .append(quarter ? "<th>" + text("statement.kpis.quarter", "quarter", f.quarter(s.quarter())) + "</th>" : "")
        .append("</tr>\n");
    Set<String> measures = new LinkedHashSet<>(s.monthKpis().keySet());
    measures.addAll(s.quarterKpis().keySet());
    measures.remove("team_id");
    measures.remove("region");
    for (String measure : measures) {
      body.append("<tr><th>").append(text("kpi." + measure)).append("</th><td class=\"num\">")
          .append(Html.escape(KpiText.format(measure, s.monthKpis().get(measure), f))).append("</td>");
      if (quarter) {
        body.append("<td class=\"num\">").append(Html.escape(KpiText.format(measure, s.quarterKpis().get(measure), f)))
            .append("</td>");
      }
      body.append("</tr>\n");
    }
    if (s.monthKpis().isEmpty()) {
      body.append("<tr><td colspan=\"3\">").append(text("statement.kpis.none")).append("</td></tr>\n");
    }
    body.append("</table>\n");
  }
}
