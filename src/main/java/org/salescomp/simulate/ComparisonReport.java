package org.salescomp.simulate;

import static org.salescomp.simulate.Svg.esc;
import static org.salescomp.simulate.Svg.num;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.salescomp.common.LocaleFormat;
import org.salescomp.common.Messages;
import org.salescomp.engine.PayMix;

/**
 * The comparison report: one self-contained HTML file (no script or style from elsewhere) with three
 * charts drawn as inline SVG (cost by month per scenario, the distribution of the per-rep change, the
 * pay mix) and the summary tables. SVG written here needs no chart library, so the file is small,
 * prints, opens offline and carries no third-party licence. A few lines of script let a reader click a
 * scenario to highlight it in every chart.
 */
final class ComparisonReport {
  private static final int WIDTH = 960;
  private static final int LEFT = 170;
  private static final int RIGHT = 30;
  private static final int ROW = 26;
  private ComparisonReport() {}

  /** The report in the language of {@code m}; money columns name the reporting currency of {@code f}. */
  static String render(ReportData data, Messages m, LocaleFormat f) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"").append(m.locale().tag()).append("\"><head><meta charset=\"utf-8\">\n<title>")
        .append(esc(m.text("report.title", "id", data.simulationId()))).append("</title>\n<style>").append(STYLE)
        .append("</style></head>\n<body>\n");
    html.append("<h1>").append(esc(m.text("report.heading"))).append("</h1>\n<p class=\"meta\">")
        .append(esc(m.text("report.meta", "id", data.simulationId(),
            "from", f.month(java.time.YearMonth.from(data.scope().from())),
            "to", f.month(java.time.YearMonth.from(data.scope().to())), "baseline", data.comparedWith())))
        .append("</p>\n");
    html.append(legend(data));
    html.append("<h2>").append(esc(m.text("report.cost-by-month"))).append("</h2>\n").append(costByMonth(data, m));
    html.append("<h2>").append(esc(m.text("report.change-per-rep"))).append("</h2>\n<p class=\"note\">")
        .append(esc(m.text("report.change-per-rep.note", "baseline", data.comparedWith()))).append("</p>\n")
        .append(changeDistribution(data, m));
    html.append("<h2>").append(esc(m.text("report.pay-mix"))).append("</h2>\n").append(payMix(data, m));
    html.append("<h2>").append(esc(m.text("report.summary"))).append("</h2>\n").append(summaryTable(data, m, f));
    html.append("<h2>").append(esc(m.text("report.by-region-role"))).append("</h2>\n").append(breakdownTable(data, m, f));
    html.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
    return html.toString();
  }

  private static String color(ReportData data, String scenario) {
    if (scenario.equals(data.comparedWith())) {
      return Svg.BASELINE_COLOR;
    }
    int i = 0;
    for (ReportData.Scenario s : data.scenarios()) {
      if (s.name().equals(data.comparedWith())) {
        continue;
      }
      if (s.name().equals(scenario)) {
        return Svg.PALETTE[i % Svg.PALETTE.length];
      }
      i++;
    }
    return Svg.BASELINE_COLOR;
  }

  private static String legend(ReportData data) {
    StringBuilder out = new StringBuilder("<ul class=\"legend\">");
    for (ReportData.Scenario s : data.scenarios()) {
      out.append("<li data-toggle=\"").append(esc(s.name())).append("\" title=\"").append(esc(s.description()))
          .append("\"><span class=\"swatch\" style=\"background:").append(color(data, s.name())).append("\"></span>")
          .append(esc(s.name())).append("</li>");
    }
    return out.append("</ul>\n").toString();
  }

  private static String costByMonth(ReportData data, Messages m) {
    int height = 340;
    int top = 16;
    int bottom = 40;
    List<LocalDate> months = data.months();
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (ReportData.Scenario s : data.scenarios()) {
      for (BigDecimal v : s.costByMonth().values()) {
        min = Math.min(min, v.doubleValue());
        max = Math.max(max, v.doubleValue());
      }
    }
    if (months.isEmpty()) {
      return "<p>" + esc(m.text("report.no-months")) + "</p>";
    }
    double pad = Math.max((max - min) * 0.08, Math.abs(max) * 0.01 + 1);
    Svg.Scale y = new Svg.Scale(min - pad, max + pad, height - bottom, top);
    Svg.Scale x = new Svg.Scale(0, Math.max(months.size() - 1, 1), LEFT, WIDTH - RIGHT);
    StringBuilder svg = open("cost-by-month", height, m.text("report.cost-by-month.label"));
    for (double t : Svg.ticks(min - pad, max + pad, 6)) {
      svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
          .append("\" y1=\"").append(num(y.at(t))).append("\" y2=\"").append(num(y.at(t))).append("\"/>")
          .append("<text class=\"tick\" text-anchor=\"end\" x=\"").append(LEFT - 6).append("\" y=\"")
          .append(num(y.at(t) + 4)).append("\">").append(Svg.axisLabel(t)).append("</text>");
    }
    int every = Math.max(1, (months.size() + 11) / 12);
    for (int i = 0; i < months.size(); i += every) {
      svg.append("<text class=\"tick\" text-anchor=\"middle\" x=\"").append(num(x.at(i))).append("\" y=\"")
          .append(height - bottom + 18).append("\">").append(months.get(i).toString(), 0, 7).append("</text>");
    }
    for (ReportData.Scenario s : data.scenarios()) {
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < months.size(); i++) {
        BigDecimal v = s.costByMonth().get(months.get(i));
        if (v != null) {
          points.append(num(x.at(i))).append(',').append(num(y.at(v))).append(' ');
        }
      }
      boolean compared = s.name().equals(data.comparedWith());
      svg.append("<polyline class=\"mark series\" data-scenario=\"").append(esc(s.name()))
          .append("\" fill=\"none\" stroke=\"").append(color(data, s.name())).append("\" stroke-width=\"")
          .append(compared ? 3 : 1.6).append("\" points=\"").append(points.toString().trim()).append("\"><title>")
          .append(esc(s.name())).append("</title></polyline>");
    }
    return svg.append("</svg>\n").toString();
  }

  private static String changeDistribution(ReportData data, Messages m) {
    List<ReportData.Scenario> rows = withOverall(data);
    int top = 24;
    int height = top + rows.size() * ROW + 30;
    int right = WIDTH - RIGHT - 170;
    double min = 0;
    double max = 0;
    for (ReportData.Scenario s : rows) {
      for (BigDecimal p : s.overall().changePercentiles()) {
        if (p != null) {
          min = Math.min(min, p.doubleValue());
          max = Math.max(max, p.doubleValue());
        }
      }
    }
    double pad = Math.max((max - min) * 0.05, 1);
    Svg.Scale x = new Svg.Scale(min - pad, max + pad, LEFT, right);
    StringBuilder svg = open("change-distribution", height, m.text("report.change-per-rep.label"));
    for (double t : Svg.ticks(min - pad, max + pad, 6)) {
      svg.append("<line class=\"grid\" y1=\"").append(top - 6).append("\" y2=\"").append(height - 30)
          .append("\" x1=\"").append(num(x.at(t))).append("\" x2=\"").append(num(x.at(t))).append("\"/>")
          .append("<text class=\"tick\" text-anchor=\"middle\" y=\"").append(height - 12).append("\" x=\"")
          .append(num(x.at(t))).append("\">").append(Svg.axisLabel(t)).append("</text>");
    }
    svg.append("<line class=\"zero\" y1=\"").append(top - 6).append("\" y2=\"").append(height - 30)
        .append("\" x1=\"").append(num(x.at(0))).append("\" x2=\"").append(num(x.at(0))).append("\"/>");
    svg.append("<text class=\"tick\" x=\"").append(right + 10).append("\" y=\"").append(top - 8)
        .append("\">").append(esc(m.text("report.better-worse-same"))).append("</text>");
    for (int i = 0; i < rows.size(); i++) {
      ReportData.Scenario s = rows.get(i);
      ReportData.Overall o = s.overall();
      List<BigDecimal> p = o.changePercentiles();
      double cy = top + i * ROW + ROW / 2.0;
      String color = color(data, s.name());
      svg.append("<g class=\"mark series\" data-scenario=\"").append(esc(s.name())).append("\"><title>")
          .append(esc(m.text("report.percentiles", "scenario", s.name(), "p10", Svg.signedMoney(p.get(0)),
              "median", Svg.signedMoney(p.get(2)), "p90", Svg.signedMoney(p.get(4))))).append("</title>");
      svg.append("<text class=\"label\" text-anchor=\"end\" x=\"").append(LEFT - 8).append("\" y=\"")
          .append(num(cy + 4)).append("\">").append(esc(s.name())).append("</text>");
      if (p.get(0) != null) {
        svg.append("<line stroke=\"").append(color).append("\" x1=\"").append(num(x.at(p.get(0)))).append("\" x2=\"")
            .append(num(x.at(p.get(4)))).append("\" y1=\"").append(num(cy)).append("\" y2=\"").append(num(cy)).append("\"/>");
        double left = x.at(p.get(1));
        svg.append("<rect fill=\"").append(color).append("\" fill-opacity=\"0.35\" stroke=\"").append(color)
            .append("\" x=\"").append(num(left - 1)).append("\" width=\"").append(num(Math.max(x.at(p.get(3)) - left, 0) + 2))
            .append("\" y=\"").append(num(cy - 8)).append("\" height=\"16\"/>");
        svg.append("<line stroke=\"").append(color).append("\" stroke-width=\"3\" x1=\"").append(num(x.at(p.get(2))))
            .append("\" x2=\"").append(num(x.at(p.get(2)))).append("\" y1=\"").append(num(cy - 9)).append("\" y2=\"")
            .append(num(cy + 9)).append("\"/>");
      }
      svg.append("<text class=\"tick\" x=\"").append(right + 10).append("\" y=\"").append(num(cy + 4)).append("\">")
          .append(o.better()).append(" / ").append(o.worse()).append(" / ").append(o.unchanged()).append("</text></g>");
    }
    return svg.append("</svg>\n").toString();
  }

  private static String payMix(ReportData data, Messages m) {
    List<ReportData.Scenario> rows = withOverall(data);
    int top = 10;
    int height = top + rows.size() * ROW + 56;
    int right = WIDTH - RIGHT - 110;
    double max = 1;
    for (ReportData.Scenario s : rows) {
      max = Math.max(max, mix(s.overall()).values().stream().mapToDouble(Double::doubleValue).sum());
    }
    Svg.Scale x = new Svg.Scale(0, max, LEFT, right);
    StringBuilder svg = open("pay-mix", height, m.text("report.pay-mix.label"));
    for (int i = 0; i < rows.size(); i++) {
      ReportData.Scenario s = rows.get(i);
      double y = top + i * ROW + 4;
      svg.append("<g class=\"series\" data-scenario=\"").append(esc(s.name())).append("\">");
      svg.append("<text class=\"label\" text-anchor=\"end\" x=\"").append(LEFT - 8).append("\" y=\"")
          .append(num(y + 13)).append("\">").append(esc(s.name())).append("</text>");
      double at = 0;
      int part = 0;
      for (Map.Entry<String, Double> e : mix(s.overall()).entrySet()) {
        double width = x.at(at + e.getValue()) - x.at(at);
        if (width > 0) {
          svg.append("<rect class=\"mark\" fill=\"").append(Svg.PALETTE[part % Svg.PALETTE.length]).append("\" x=\"")
              .append(num(x.at(at))).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(width))
              .append("\" height=\"18\"><title>").append(esc(s.name())).append(", ").append(esc(m.text("dashboard.js.paymix." + e.getKey()))).append(": ")
              .append(Svg.money(BigDecimal.valueOf(e.getValue()))).append("</title></rect>");
        }
        at += e.getValue();
        part++;
      }
      svg.append("<text class=\"tick\" x=\"").append(num(x.at(at) + 6)).append("\" y=\"").append(num(y + 13))
          .append("\">").append(Svg.money(s.overall().totalCost())).append("</text></g>");
    }
    int part = 0;
    double lx = LEFT;
    double ly = top + rows.size() * ROW + 22;
    for (String key : PayMix.GROUPS.keySet()) {
      String name = esc(m.text("dashboard.js.paymix." + key));
      svg.append("<rect x=\"").append(num(lx)).append("\" y=\"").append(num(ly - 10)).append("\" width=\"12\" height=\"12\" fill=\"")
          .append(Svg.PALETTE[part % Svg.PALETTE.length]).append("\"/><text class=\"tick\" x=\"").append(num(lx + 16))
          .append("\" y=\"").append(num(ly)).append("\">").append(name).append("</text>");
      lx += 18 + name.codePoints().mapToDouble(c -> c > 0x2E80 ? 12 : 7.2).sum();
      part++;
    }
    return svg.append("</svg>\n").toString();
  }

  /** The mix parts of a scenario's overall cost; a net-negative part shows as 0. */
  private static Map<String, Double> mix(ReportData.Overall overall) {
    Map<String, Double> parts = new LinkedHashMap<>();
    PayMix.GROUPS.forEach((name, columns) -> {
      BigDecimal sum = BigDecimal.ZERO;
      for (String c : columns) {
        BigDecimal v = overall.costByColumn().get(c);
        sum = v == null ? sum : sum.add(v);
      }
      parts.put(name, Math.max(sum.doubleValue(), 0));
    });
    return parts;
  }

  private static String summaryTable(ReportData data, Messages m, LocaleFormat f) {
    StringBuilder t = new StringBuilder("<table><thead><tr>");
    for (String column : List.of("scenario", "description", "total-cost", "change", "change-share", "cost-revenue",
        "better", "worse", "same", "median-change", "top-gainer", "top-loser")) {
      t.append("<th>").append(esc(m.text("report.col." + column, "currency", f.currencyCode()))).append("</th>");
    }
    t.append("</tr></thead><tbody>");
    for (ReportData.Scenario s : withOverall(data)) {
      ReportData.Overall o = s.overall();
      t.append("<tr class=\"series\" data-scenario=\"").append(esc(s.name())).append("\"><td>").append(esc(s.name()))
          .append("</td><td>").append(esc(s.description())).append("</td><td class=\"n\">").append(Svg.money(o.totalCost()))
          .append("</td><td class=\"n\">").append(Svg.signedMoney(o.change())).append("</td><td class=\"n\">")
          .append(Svg.signedPercent(o.changeShare())).append("</td><td class=\"n\">").append(Svg.percent(o.costToRevenue()))
          .append("</td><td class=\"n\">").append(o.better()).append("</td><td class=\"n\">").append(o.worse())
          .append("</td><td class=\"n\">").append(o.unchanged()).append("</td><td class=\"n\">")
          .append(Svg.signedMoney(o.changePercentiles().get(2))).append("</td><td>").append(first(o.gainers()))
          .append("</td><td>").append(first(o.losers())).append("</td></tr>");
    }
    return t.append("</tbody></table>\n").toString();
  }

  private static String first(List<ReportData.RepChange> changes) {
    return changes.isEmpty() ? "" : esc(changes.get(0).repId()) + " " + Svg.signedMoney(changes.get(0).change());
  }

  private static String breakdownTable(ReportData data, Messages m, LocaleFormat f) {
    StringBuilder t = new StringBuilder("<details><summary>").append(esc(m.text("report.by-region-role.summary")))
        .append("</summary><table><thead><tr>");
    for (String column : List.of("scenario", "by", "value", "reps", "total-cost", "change")) {
      t.append("<th>").append(esc(m.text("report.col." + column, "currency", f.currencyCode()))).append("</th>");
    }
    t.append("</tr></thead><tbody>");
    for (ReportData.Scenario s : data.scenarios()) {
      for (ReportData.Breakdown b : s.breakdowns()) {
        if (b.groupBy().equals(ScenarioSummary.TEAM)) {
          continue;
        }
        t.append("<tr><td>").append(esc(s.name())).append("</td><td>").append(esc(m.text("report.by." + b.groupBy()))).append("</td><td>")
            .append(esc(b.groupValue())).append("</td><td class=\"n\">").append(b.reps()).append("</td><td class=\"n\">")
            .append(Svg.money(b.totalCost())).append("</td><td class=\"n\">").append(Svg.signedMoney(b.change()))
            .append("</td></tr>");
      }
    }
    return t.append("</tbody></table></details>\n").toString();
  }

  private static List<ReportData.Scenario> withOverall(ReportData data) {
    List<ReportData.Scenario> rows = new ArrayList<>();
    data.scenarios().stream().filter(s -> s.overall() != null).forEach(rows::add);
    return rows;
  }

  private static StringBuilder open(String id, int height, String label) {
    return new StringBuilder("<svg class=\"chart\" id=\"").append(id).append("\" role=\"img\" aria-label=\"")
        .append(esc(label)).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\">");
  }

  private static final String STYLE = """
      body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1000px;color:#222}
      h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}.meta,.note{color:#555}
      .legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:6px 16px}
      .legend li{cursor:pointer;user-select:none}.swatch{display:inline-block;width:14px;height:4px;margin:0 6px 3px 0}
      svg.chart{display:block;max-width:100%;height:auto}.grid{stroke:#e5e5e5}.zero{stroke:#888;stroke-dasharray:3 3}
      .tick{font-size:11px;fill:#555}.label{font-size:12px;fill:#222}
      body.focusing .series:not(.focus){opacity:.15}.legend li.focus{font-weight:bold}
      table{border-collapse:collapse;width:100%;font-size:12px}th,td{border-bottom:1px solid #e5e5e5;padding:3px 6px;text-align:left}
      td.n{text-align:right;font-variant-numeric:tabular-nums}
      """;

  private static final String SCRIPT = """
      (function () {
        var charts = document.querySelectorAll('svg.chart');
        var drawn = 0;
        charts.forEach(function (c) { if (c.querySelector('.mark')) { drawn++; } });
        document.body.setAttribute('data-charts-drawn', String(drawn));
        document.querySelectorAll('[data-toggle]').forEach(function (item) {
          item.addEventListener('click', function () {
            var name = item.getAttribute('data-toggle');
            var on = !item.classList.contains('focus');
            document.querySelectorAll('.focus').forEach(function (e) { e.classList.remove('focus'); });
            document.body.classList.toggle('focusing', on);
            if (on) {
              var key = CSS.escape(name);
              document.querySelectorAll('[data-scenario="' + key + '"], [data-toggle="' + key + '"]')
                .forEach(function (e) { e.classList.add('focus'); });
            }
          });
        });
        console.info('charts drawn: ' + drawn + ' of ' + charts.length);
      })();
      """;
}
