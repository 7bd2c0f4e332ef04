package org.salescomp.publish;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A statement as one self-contained HTML page (inline CSS, no script): the total and its reconciliation
 * with {@code payouts.total}, every line with its explanation and the KPIs that drove it, and the KPI rows.
 */
final class StatementHtml {
  private StatementHtml() {}

  static String render(Statement s) {
    String title = "Pay statement " + s.repId() + " " + s.month().toString().substring(0, 7);
    StringBuilder body = new StringBuilder();
    body.append("<h1>").append(Html.escape(title)).append("</h1>\n");
    body.append("<p class=\"meta\">Rep <b id=\"rep\">").append(Html.escape(s.repId())).append("</b>")
        .append(team(s)).append(" · month from ").append(s.month()).append(" · plans ")
        .append(Html.escape(String.join(", ", plans(s)))).append("</p>\n");
    ledger(body, s);
    summary(body, s);
    lines(body, s);
    corrections(body, s);
    kpis(body, s);
    return Html.fill(Html.resource("statement.html"), Map.of("title", Html.escape(title), "body", body.toString()));
  }

  /** Whether the month went to payroll: a closed month's lines never change, later corrections go forward. */
  private static void ledger(StringBuilder body, Statement s) {
    if (s.closedOn() != null) {
      body.append("<p class=\"meta\" id=\"closed\">Closed on ").append(s.closedOn())
          .append(": these lines are what was paid. A later correction of this month is paid in the first open month.</p>\n");
    } else {
      body.append("<p class=\"meta\" id=\"open\">Open month: the lines may still change until it is closed.</p>\n");
    }
  }

  /** The corrections of closed months paid in this month, with the month and line type each corrects. */
  private static void corrections(StringBuilder body, Statement s) {
    List<StatementLine> corrections = s.corrections();
    if (corrections.isEmpty()) {
      return;
    }
    body.append("<h2>Corrections of closed months (").append(corrections.size()).append(")</h2>\n")
        .append("<table class=\"corrections\">\n<tr><th>Corrects</th><th>Amount</th><th>Explanation</th></tr>\n");
    for (StatementLine l : corrections) {
      body.append("<tr class=\"correction\"><td>").append(Html.escape(l.corrects())).append("</td><td class=\"num\">")
          .append(Html.money(l.amount())).append("</td><td>").append(Html.escape(l.explanation())).append("</td></tr>\n");
    }
    body.append("</table>\n");
  }

  private static String team(Statement s) {
    Object team = s.monthKpis().get("team_id");
    Object region = s.monthKpis().get("region");
    return team == null ? "" : " · team " + Html.escape(team.toString())
        + (region == null ? "" : " (" + Html.escape(region.toString()) + ")");
  }

  private static Set<String> plans(Statement s) {
    Set<String> plans = new LinkedHashSet<>();
    s.lines().forEach(l -> plans.add(l.planId()));
    return plans;
  }

  private static void summary(StringBuilder body, Statement s) {
    body.append("<table class=\"summary\">\n")
        .append("<tr><th>Total of the lines</th><td class=\"num\" id=\"total\">").append(Html.money(s.total()))
        .append("</td></tr>\n")
        .append("<tr><th>Payout (payouts.total)</th><td class=\"num\" id=\"payout-total\">")
        .append(Html.money(s.payoutTotal())).append("</td></tr>\n")
        .append("<tr><th>Reconciles</th><td id=\"reconciles\">")
        .append(s.reconciles() ? "yes" : "NO: difference " + Html.money(s.total().subtract(s.payoutTotal())))
        .append("</td></tr>\n</table>\n");
  }

  private static void lines(StringBuilder body, Statement s) {
    body.append("<h2>Lines of pay (").append(s.lines().size()).append(")</h2>\n<table class=\"lines\">\n")
        .append("<tr><th>Line</th><th>Deal</th><th>Credited</th><th>Tier</th><th>Rate</th><th>Multiplier</th>")
        .append("<th>Amount</th><th>Explanation</th><th>Driven by</th></tr>\n");
    for (StatementLine l : s.lines()) {
      body.append("<tr class=\"line\"><td>").append(Html.escape(l.lineType())).append("</td><td>")
          .append(Html.escape(l.dealId())).append("</td><td class=\"num\">").append(Html.money(l.creditedAmount()))
          .append("</td><td class=\"num\">").append(l.tier() == null ? "" : l.tier()).append("</td><td class=\"num\">")
          .append(l.rate() == null ? "" : Html.plain(l.rate().movePointRight(2)) + "%")
          .append("</td><td class=\"num\">").append(Html.plain(l.multiplier())).append("</td><td class=\"num amount\">")
          .append(Html.money(l.amount())).append("</td><td>").append(Html.escape(l.explanation()))
          .append("</td><td class=\"drivers\">").append(Html.escape(drivers(s, l.lineType()))).append("</td></tr>\n");
    }
    body.append("<tr class=\"total\"><th colspan=\"6\">Total</th><td class=\"num\">").append(Html.money(s.total()))
        .append("</td><td colspan=\"2\"></td></tr>\n</table>\n");
  }

  /** The KPI values that drove a line, e.g. {@code attainment 87.3% (month)}. */
  static String drivers(Statement s, String lineType) {
    List<String> parts = new ArrayList<>();
    for (String m : LineDrivers.monthly(lineType)) {
      if (s.monthKpis().containsKey(m)) {
        parts.add(KpiText.label(m) + " " + KpiText.format(m, s.monthKpis().get(m)) + " (month)");
      }
    }
    for (String m : LineDrivers.quarterly(lineType)) {
      if (s.quarterKpis().containsKey(m)) {
        parts.add(KpiText.label(m) + " " + KpiText.format(m, s.quarterKpis().get(m)) + " (quarter)");
      }
    }
    return String.join(" · ", parts);
  }

  private static void kpis(StringBuilder body, Statement s) {
    boolean quarter = !s.quarterKpis().isEmpty();
    body.append("<h2>KPIs</h2>\n<table class=\"kpis\">\n<tr><th>Measure</th><th>Month from ").append(s.month())
        .append("</th>").append(quarter ? "<th>Quarter from " + s.quarter() + "</th>" : "").append("</tr>\n");
    Set<String> measures = new LinkedHashSet<>(s.monthKpis().keySet());
    measures.addAll(s.quarterKpis().keySet());
    measures.remove("team_id");
    measures.remove("region");
    for (String m : measures) {
      body.append("<tr><th>").append(Html.escape(KpiText.label(m))).append("</th><td class=\"num\">")
          .append(Html.escape(KpiText.format(m, s.monthKpis().get(m)))).append("</td>");
      if (quarter) {
        body.append("<td class=\"num\">").append(Html.escape(KpiText.format(m, s.quarterKpis().get(m))))
            .append("</td>");
      }
      body.append("</tr>\n");
    }
    if (s.monthKpis().isEmpty()) {
      body.append("<tr><td colspan=\"3\">no KPI row published for this month</td></tr>\n");
    }
    body.append("</table>\n");
  }
}
