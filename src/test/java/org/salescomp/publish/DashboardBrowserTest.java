package org.salescomp.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.testing.CliProcess;
import org.salescomp.testing.HeadlessChromium;

/**
 * The dashboard as an executive opens it: written by {@code bin/salescomp dashboard}, opened in headless
 * Chromium without network. No console message, every chart drawn with its data, a screenshot kept in
 * target/publish-tests/artifacts, and the revenue tile equal to what {@code bin/salescomp sql} answers.
 */
@Tag("slow")
class DashboardBrowserTest {
  static final List<String> CHARTS = List.of("chart-revenue-quota", "chart-attainment", "chart-pay-mix",
      "chart-cost-of-sales", "chart-csat", "chart-complaint-rate", "chart-retention", "chart-coaching",
      "chart-leaderboard");

  @BeforeAll
  static void chromium() {
    HeadlessChromium.require();
  }

  @Test
  void theDashboardDrawsEveryChartWithoutErrorsAndItsRevenueIsTheSqlAnswer() throws Exception {
    PublishedDemo demo = PublishedDemo.get();
    Path page = PublishedDemo.ARTIFACTS.resolve("dashboard-2025-03.html");
    List<String> args = new ArrayList<>(List.of("dashboard", "--month", "2025-03", "--out", page.toString()));
    args.addAll(demo.confArgs());
    CliProcess written = CliProcess.run(args);
    assertThat(written.exitCode()).as(written.toString()).isZero();
    assertThat(written.out()).contains("wrote the dashboard of March 2025");

    // self-contained: nothing is fetched, no script or style comes from elsewhere
    String html = Files.readString(page);
    assertThat(html).doesNotContain("<script src").doesNotContain("<link ").doesNotContain("@import");

    Path work = PublishedDemo.DIR.resolve("chromium");
    HeadlessChromium.Load load = HeadlessChromium.dumpDom(page, work);
    assertThat(load.console()).as("console messages of the page").isEmpty();
    String dom = load.dom();
    assertThat(dom).contains("data-ready=\"true\"").doesNotContain("data-errors=");
    for (String chart : CHARTS) {
      String element = chartElement(dom, chart);
      assertThat(element).as(chart).contains("data-rendered=\"true\"");
      int points = Integer.parseInt(attribute(element, "data-points"));
      assertThat(points).as("values drawn in " + chart).isPositive();
      String svg = svgOf(dom, chart);
      // a bar, a symbol or a segment per value, besides axes and legend
      assertThat(count(svg, "<path")).as("shapes in " + chart).isGreaterThanOrEqualTo(points);
    }

    Path png = PublishedDemo.ARTIFACTS.resolve("dashboard-2025-03.png");
    Files.deleteIfExists(png);
    HeadlessChromium.Load shot = HeadlessChromium.screenshot(page, png, work);
    assertThat(shot.console()).isEmpty();
    assertThat(png).exists();
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).isGreaterThan(50_000);
    assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");

    // one figure against the sql command: the month's revenue tile
    List<String> sql = new ArrayList<>(List.of("sql", "--format", "csv", "select sum(revenue) as revenue"
        + " from kpi_region_period where period_type = 'month' and period_start = '2025-03-01'"));
    sql.addAll(demo.confArgs());
    CliProcess answer = CliProcess.run(sql);
    assertThat(answer.exitCode()).as(answer.toString()).isZero();
    List<String> lines = answer.out().lines().toList();
    assertThat(lines).hasSize(2).startsWith("revenue");
    String revenue = lines.get(1);
    String tile = tileElement(dom, "tile-revenue");
    assertThat(attribute(tile, "data-value")).isEqualTo(revenue);
    assertThat(tile).contains(">" + demo.settings.localeFormat().money(new java.math.BigDecimal(revenue)) + "<");
  }

  private static String chartElement(String dom, String id) {
    Matcher m = Pattern.compile("<div class=\"chart[^\"]*\" id=\"" + id + "\"[^>]*>").matcher(dom);
    assertThat(m.find()).as("element of " + id).isTrue();
    return m.group();
  }

  private static String tileElement(String dom, String id) {
    int start = dom.indexOf("id=\"" + id + "\"");
    assertThat(start).as(id).isPositive();
    return dom.substring(dom.lastIndexOf('<', start), dom.indexOf("</div></div>", start) + 12);
  }

  /** The chart's SVG: from its element to the end of the first svg after it. */
  private static String svgOf(String dom, String id) {
    int start = dom.indexOf("id=\"" + id + "\"");
    int svg = dom.indexOf("<svg", start);
    assertThat(svg).as("svg of " + id).isPositive();
    return dom.substring(svg, dom.indexOf("</svg>", svg));
  }

  private static String attribute(String element, String name) {
    Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(element);
    assertThat(m.find()).as(name + " in " + element).isTrue();
    return m.group(1);
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
