package org.salescomp.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.common.LocaleFormat;
import org.salescomp.common.Messages;
import org.salescomp.common.UiLocale;
import org.salescomp.testing.HeadlessChromium;

/**
 * A statement and the dashboard of the same month in English and in Chinese, opened in headless
 * Chromium: no console message, no missing translation ({@code ??key??}), the same totals in both
 * languages, and the Chinese pages showing Chinese text (fonts from .ci/setup-chromium.sh). The pages
 * and their screenshots stay in target/publish-tests/artifacts/locales.
 */
@Tag("slow")
class LocalisedPagesBrowserTest {
  private static final Path OUT = PublishedDemo.ARTIFACTS.resolve("locales");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  /** What a key without a message renders as (the inlined chart library has its own "??" operators). */
  private static final Pattern MISSING = Pattern.compile("\\?\\?[A-Za-z][A-Za-z0-9._-]*\\?\\?");

  @BeforeAll
  static void chromium() {
    HeadlessChromium.require();
  }

  @Test
  void aStatementAndTheDashboardReadTheSameInEnglishAndChinese() throws Exception {
    PublishedDemo demo = PublishedDemo.get();
    PublishedLakehouse lakehouse = demo.lakehouse();
    // the rep of the quarter's last month with the most kinds of lines: awards, bonus, commission ...
    String rep = lakehouse.table("commission_lines").where("month = '2025-03-01'").groupBy("rep_id")
        .agg(org.apache.spark.sql.functions.countDistinct("line_type").as("kinds"))
        .orderBy(org.apache.spark.sql.functions.desc("kinds"), org.apache.spark.sql.functions.col("rep_id"))
        .first().getString(0);
    Statement statement = Statements.forMonth(lakehouse, PublishedDemo.QUARTER_END, rep).get(0);
    Map<String, Object> data = DashboardPage.data(lakehouse, PublishedDemo.QUARTER_END);

    Map<UiLocale, Page> statements = new LinkedHashMap<>();
    Map<UiLocale, Page> dashboards = new LinkedHashMap<>();
    for (UiLocale locale : UiLocale.values()) {
      Messages messages = Messages.of(locale);
      LocaleFormat format = new LocaleFormat(locale, demo.settings.reportingCurrency(),
          LocaleFormat.CurrencyStyle.SYMBOL);
      Path dir = OUT.resolve(locale.tag());
      List<Path> files = StatementFiles.write(List.of(statement), dir, messages, format);
      statements.put(locale, open(files.get(0), dir));
      Path dashboard = dir.resolve("dashboard-2025-03.html");
      Files.createDirectories(dir);
      Files.writeString(dashboard, DashboardPage.render(data, messages, format), StandardCharsets.UTF_8);
      dashboards.put(locale, open(dashboard, dir));
      assertThat(Files.readString(files.get(1))).as("statement CSV in " + locale.tag()).doesNotContainPattern(MISSING);
    }

    for (UiLocale locale : UiLocale.values()) {
      for (Page page : List.of(statements.get(locale), dashboards.get(locale))) {
        assertThat(page.console).as("console of " + page.file).isEmpty();
        assertThat(page.dom).as("missing translations in " + page.file).doesNotContainPattern(MISSING);
        assertThat(page.dom).as(page.file.toString()).contains("<html lang=\"" + locale.tag() + "\"");
        assertThat(page.screenshot).exists();
        assertThat(Files.size(page.screenshot)).isGreaterThan(20_000);
      }
      assertThat(dashboards.get(locale).dom).contains("data-ready=\"true\"").doesNotContain("data-errors=");
    }

    // the same numbers in both languages: statement total and payout, and every dashboard tile
    Page enStatement = statements.get(UiLocale.EN);
    Page zhStatement = statements.get(UiLocale.ZH_CN);
    assertThat(dataValue(enStatement.dom, "total")).isEqualTo(statement.payoutTotal().toPlainString())
        .isEqualTo(dataValue(zhStatement.dom, "total"));
    assertThat(digits(shown(enStatement.dom, "total"))).isEqualTo(digits(shown(zhStatement.dom, "total")));
    for (String tile : List.of("revenue", "quota", "attainment", "compensation", "costOfSales", "repsPaid")) {
      String en = dataValue(dashboards.get(UiLocale.EN).dom, "tile-" + tile);
      assertThat(en).as(tile).isNotEmpty().isEqualTo(dataValue(dashboards.get(UiLocale.ZH_CN).dom, "tile-" + tile));
    }

    // Chinese pages read in Chinese: headings, labels and every explanation of a line
    assertThat(zhStatement.dom).contains("薪酬明细单 " + rep + " 2025年3月").contains("金额（USD）");
    assertThat(dashboards.get(UiLocale.ZH_CN).dom).contains("销售业绩").contains("2025年3月").contains("团队排行榜");
    for (String explanation : cells(zhStatement.dom, "explanation")) {
      assertThat(HAN.matcher(explanation).find()).as("Chinese in \"" + explanation + "\"").isTrue();
    }
    assertThat(HAN.matcher(enStatement.dom).find()).as("no Chinese in the English statement").isFalse();
    // the inlined chart library carries its own Chinese strings: only what the page shows counts
    assertThat(HAN.matcher(shownText(dashboards.get(UiLocale.EN).dom)).find()).as("no Chinese in the English dashboard")
        .isFalse();
  }

  private record Page(Path file, String dom, List<String> console, Path screenshot) {}

  private static Page open(Path html, Path dir) throws Exception {
    Path work = PublishedDemo.DIR.resolve("chromium");
    HeadlessChromium.Load load = HeadlessChromium.dumpDom(html, work);
    Path png = dir.resolve(html.getFileName().toString().replace(".html", ".png"));
    Files.deleteIfExists(png);
    HeadlessChromium.Load shot = HeadlessChromium.screenshot(html, png, work);
    List<String> console = new ArrayList<>(load.console());
    console.addAll(shot.console());
    return new Page(html, load.dom(), console, png);
  }

  private static String dataValue(String dom, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*data-value=\"([^\"]*)\"").matcher(dom);
    assertThat(m.find()).as("data-value of " + id).isTrue();
    return m.group(1);
  }

  private static String shown(String dom, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(dom);
    assertThat(m.find()).as("text of " + id).isTrue();
    return m.group(1);
  }

  /** The page without its scripts and styles. */
  private static String shownText(String dom) {
    return dom.replaceAll("(?s)<script.*?</script>", "").replaceAll("(?s)<style.*?</style>", "");
  }

  private static String digits(String text) {
    return text.replaceAll("[^0-9.-]", "");
  }

  private static List<String> cells(String dom, String cls) {
    List<String> texts = new ArrayList<>();
    Matcher m = Pattern.compile("<td class=\"" + cls + "\">([^<]*)</td>").matcher(dom);
    while (m.find()) {
      texts.add(m.group(1));
    }
    assertThat(texts).as(cls + " cells").isNotEmpty();
    return texts;
  }
}
