package org.salescomp.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.common.LocaleFormat;
import org.salescomp.common.Messages;
import org.salescomp.common.UiLocale;

/**
 * The worked examples of the compensation model on a statement, in English and in Chinese: each line
 * carries the key and arguments the engine writes for it (values as Spark writes them: rates with six
 * decimals, money with two), and the page reads the explanation in the statement's language.
 */
@Tag("fast")
class WorkedExamplesStatementTest {

  /** The lines of the worked examples, one statement (the text matters here, not whose pay it is). */
  private static Statement workedExamples() {
    List<StatementLine> lines = new ArrayList<>();
    // new hire hired 2026-03-10: 22 of 31 days of 8,000.00 = 5,677.42
    lines.add(line("base_salary", null, "5677.42", "line.base_salary",
        "base", "8000.00", "active_days", "22", "days_in_month", "31"));
    // marginal, quota 100,000: D1 30,000 * 2% * 1.2 = 720.00
    lines.add(line("commission", "D1", "720.00", "line.commission.marginal", "deal", "D1", "product", "software",
        "product_x", "1.200000", "channel", "direct", "bands", "30000.00|1|0.020000", "amount", "720.00"));
    // D2 (20,000 * 2% + 20,000 * 5%) * 0.8 = 1,120.00
    lines.add(line("commission", "D2", "1120.00", "line.commission.marginal", "deal", "D2", "product", "hardware",
        "product_x", "0.800000", "channel", "direct", "bands", "20000.00|1|0.020000;20000.00|2|0.050000",
        "amount", "1120.00"));
    // D3 30,000 * 5% + 20,000 * 8% = 3,100.00
    lines.add(line("commission", "D3", "3100.00", "line.commission.marginal", "deal", "D3", "product", "services",
        "channel", "direct", "bands", "30000.00|2|0.050000;20000.00|3|0.080000", "amount", "3100.00"));
    // x = 0.9 * 0.9 = 0.81; round2(4,940 * -0.19) = -938.60
    lines.add(line("cx_adjustment", null, "-938.60", "line.cx_adjustment", "cx_x", "0.810000", "csat_x", "0.900000",
        "csat", "3.200000", "surveys", "4", "complaint_x", "0.900000", "complaint_rate", "0.333333",
        "commission", "4940.00", "amount", "-938.60"));
    // D2 cancelled 2026-03-05, 44 days after close, window 90, rate 1.0: -1,120.00
    lines.add(line("clawback", "D2", "-1120.00", "line.clawback.cancelled", "deal", "D2", "event", "cancelled",
        "event_date", "2026-03-05", "event_month", "2026-03", "days", "44", "line_amount", "1120.00"));
    // guarantee 6,000.00 * 22/31 = 4,258.06, less C + cx + cap = 1,000.00: 3,258.06
    lines.add(line("guarantee_topup", null, "3258.06", "line.guarantee_topup", "guarantee", "6000.00",
        "active_days", "22", "days_in_month", "31", "prorated", "4258.06", "net", "1000.00", "month_no", "1",
        "months", "3"));
    // S = 1.0526315789; round2(3,000 * S) = 3,157.89 (a full quarter: 90 of 90 days)
    lines.add(line("scorecard_bonus", null, "3157.89", "line.scorecard_bonus", "score", "1.0526315789",
        "target", "3000.00", "active_days", "90", "quarter_days", "90"));
    // 5,677.42 + 720.00 + 1,120.00 + 3,100.00 - 938.60 - 1,120.00 + 3,258.06 + 3,157.89 = 14,974.77
    return new Statement("r1", LocalDate.of(2026, 3, 1), lines, new BigDecimal("14974.77"), Map.of(), Map.of());
  }

  @Test
  void theWorkedExamplesReadInEnglish() {
    String html = StatementHtml.render(workedExamples(), Messages.of(UiLocale.EN), LocaleFormat.of(UiLocale.EN, "USD"));
    assertThat(explanations(html)).containsExactly(
        "base 8,000.00 × 22/31 days",
        "D1 software ×1.2: 30,000.00 in tier 1 at 2% = 720.00",
        "D2 hardware ×0.8: 20,000.00 in tier 1 at 2% + 20,000.00 in tier 2 at 5% = 1,120.00",
        "D3 services: 30,000.00 in tier 2 at 5% + 20,000.00 in tier 3 at 8% = 3,100.00",
        "customer experience ×0.81 (csat 3.2 over 4 surveys ×0.9; complaint rate 0.333333 ×0.9) "
            + "on commission 4,940.00 = -938.60",
        "clawback of D2 (cancelled 2026-03-05, 44 days after close) of 1,120.00",
        "guarantee 6,000.00 × 22/31 days = 4,258.06 less commission 1,000.00 (new-hire month 1 of 3)",
        "scorecard 1.0526315789 × target 3,000.00 × 90/90 days");
    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
        .contains("id=\"total\" data-value=\"14974.77\">$14,974.77<")
        .contains("Amount (USD)").doesNotContain("??");
  }

  @Test
  void theWorkedExamplesReadInChinese() {
    String html = StatementHtml.render(workedExamples(), Messages.of(UiLocale.ZH_CN),
        LocaleFormat.of(UiLocale.ZH_CN, "CNY"));
    assertThat(explanations(html)).containsExactly(
        "基本工资 8,000.00 × 22/31 天",
        "D1 software ×1.2：第1档 30,000.00 × 2% = 720.00",
        "D2 hardware ×0.8：第1档 20,000.00 × 2% + 第2档 20,000.00 × 5% = 1,120.00",
        "D3 services：第2档 30,000.00 × 5% + 第3档 20,000.00 × 8% = 3,100.00",
        "客户体验系数 ×0.81（满意度 3.2（4 份调查）×0.9；投诉率 0.333333 ×0.9），佣金 4,940.00，调整 -938.60",
        "追回 D2 的佣金 1,120.00（2026年3月5日取消，成交后 44 天）",
        "保底 6,000.00 × 22/31 天 = 4,258.06，减去佣金 1,000.00（新员工第 1/3 个月）",
        "计分卡得分 1.0526315789 × 目标奖金 3,000.00 × 90/90 天");
    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">")
        .contains("薪酬明细单 r1 2026年3月")
        .contains("id=\"total\" data-value=\"14974.77\">¥14,974.77<")
        .contains("金额（CNY）").contains("计入业绩（CNY）").doesNotContain("??");
  }

  @Test
  void theCsvHeadersNameTheCurrencyInTheStatementsLanguage() {
    String csv = StatementCsv.render(workedExamples(), Messages.of(UiLocale.ZH_CN),
        LocaleFormat.of(UiLocale.ZH_CN, "CNY"));
    assertThat(csv.lines().findFirst().orElseThrow())
        .isEqualTo("销售代表,月份,部分,名称,订单,计入业绩（CNY）,档位,费率,系数,金额（CNY）,数值,方案,说明,更正对象");
    // values stay exact and machine-readable: the total row holds the sum and payouts.total
    assertThat(csv).contains("r1,2026-03-01,total,total,,,,,,14974.77,14974.77,,");
  }

  private static StatementLine line(String type, String deal, String amount, String key, String... namesAndValues) {
    Map<String, String> args = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      args.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return new StatementLine(type, deal, null, null, null, null, new BigDecimal(amount), null, key, args, "p");
  }

  private static List<String> explanations(String html) {
    List<String> texts = new ArrayList<>();
    Matcher m = Pattern.compile("<td class=\"explanation\">(.*?)</td>").matcher(html);
    while (m.find()) {
      texts.add(m.group(1).replace("&#39;", "'").replace("&amp;", "&"));
    }
    return texts;
  }
}
