package org.salescomp.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class MessagesTest {

  @Test
  void everyKeyIsTranslatedIntoEveryLanguage() {
    Map<String, String> en = Messages.entries(Messages.bundle(UiLocale.EN));
    for (UiLocale locale : UiLocale.values()) {
      Map<String, String> other = Messages.entries(Messages.bundle(locale));
      assertThat(other.keySet()).as("keys of " + locale.tag()).isEqualTo(en.keySet());
      assertThat(other.values()).as("empty messages in " + locale.tag()).noneMatch(String::isBlank);
    }
    assertThat(en).hasSizeGreaterThan(50);
  }

  @Test
  void everyMessageParsesAndNamesOnlyMessagesThatExist() {
    for (UiLocale locale : UiLocale.values()) {
      Messages m = Messages.of(locale);
      for (String key : m.keys()) {
        for (MessageTemplate.Part p : m.template(key).parts()) {
          if (p.subKey() != null) {
            assertThat(m.keys()).as(key + " in " + locale.tag()).contains(p.subKey());
          }
        }
      }
    }
  }

  @Test
  void aMissingKeyShowsAsAMarker() {
    assertThat(Messages.of(UiLocale.ZH_CN).text("no.such.key")).isEqualTo("??no.such.key??");
  }

  @Test
  void argumentsAreFilledInAndFormatted() {
    Messages en = Messages.of(UiLocale.EN);
    // base 8,000.00 x 22/31 days (compensation model, worked examples)
    assertThat(en.format("line.base_salary", Map.of("base", "8000.00", "active_days", "22", "days_in_month", "31")))
        .isEqualTo("base 8,000.00 × 22/31 days");
    // an optional part appears only with its argument; a list holds the parts of a sum
    assertThat(en.format("line.commission.marginal", Map.of("deal", "D2", "product", "hardware",
        "product_x", "0.800000", "bands", "20000.00|1|0.020000;20000.00|2|0.050000", "amount", "1120.00")))
        .isEqualTo("D2 hardware ×0.8: 20,000.00 in tier 1 at 2% + 20,000.00 in tier 2 at 5% = 1,120.00");
    assertThat(Messages.of(UiLocale.ZH_CN).format("line.clawback.churn", Map.of("deal", "D2",
        "event_month", "2026-03", "days", "44", "line_amount", "1120.00")))
        .isEqualTo("追回 D2 的佣金 1,120.00（客户于2026年3月流失，成交后 44 天）");
  }

  @Test
  void moneyDatesAndMonthsReadAsEachLanguageWritesThem() {
    LocaleFormat zh = LocaleFormat.of(UiLocale.ZH_CN, "CNY");
    LocaleFormat en = LocaleFormat.of(UiLocale.EN, "USD");
    assertThat(zh.money(new BigDecimal("1234567.89"))).isEqualTo("¥1,234,567.89");
    assertThat(en.money(new BigDecimal("1234567.89"))).isEqualTo("$1,234,567.89");
    assertThat(en.money(new BigDecimal("-938.60"))).isEqualTo("-$938.60");
    assertThat(new LocaleFormat(UiLocale.ZH_CN, "CNY", LocaleFormat.CurrencyStyle.CODE).money(new BigDecimal("5")))
        .isEqualTo("CNY 5.00");
    assertThat(zh.month(YearMonth.of(2026, 3))).isEqualTo("2026年3月");
    assertThat(en.month(YearMonth.of(2026, 3))).isEqualTo("March 2026");
    assertThat(zh.date(LocalDate.of(2026, 3, 5))).isEqualTo("2026年3月5日");
    assertThat(en.date(LocalDate.of(2026, 3, 5))).isEqualTo("Mar 5, 2026");
    assertThat(zh.quarter(LocalDate.of(2026, 1, 1))).isEqualTo("2026年第1季度");
    assertThat(en.percent(new BigDecimal("0.025000"))).isEqualTo("2.5%");
    assertThat(en.number(new BigDecimal("1234567"))).isEqualTo("1,234,567");
  }
}
