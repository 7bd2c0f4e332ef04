package org.salescomp.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Currency;

/**
 * Numbers, dates, months and money as a reader of the configured language expects them, from exact
 * decimals (never double): {@code ¥1,234,567.89} / {@code 2026年3月} in zh-CN, {@code $1,234,567.89} /
 * {@code March 2026} in en. Both languages group by thousands with a comma and use a decimal point.
 *
 * @param currencyCode ISO code of the reporting currency
 * @param currencyStyle {@code symbol} ({@code ¥1.00}) or {@code code} ({@code CNY 1.00})
 */
public record LocaleFormat(UiLocale locale, String currencyCode, CurrencyStyle currencyStyle) {

  /** How money shows its currency ({@code salescomp.currency-format}). */
  public enum CurrencyStyle { SYMBOL, CODE }

  public static LocaleFormat of(UiLocale locale, String currencyCode) {
    return new LocaleFormat(locale, currencyCode, CurrencyStyle.SYMBOL);
  }

  /** An amount with thousands grouping and two decimals, no currency: {@code -1,120.00}. */
  public String amount(BigDecimal value) {
    if (value == null) {
      return "";
    }
    DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(locale.locale()));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(value);
  }

  /** Money with its currency: {@code ¥1,234,567.89}, {@code -$938.60}, or {@code CNY 1,234.00}. */
  public String money(BigDecimal value) {
    if (value == null) {
      return "";
    }
    String digits = amount(value.abs());
    String sign = value.signum() < 0 ? "-" : "";
    return currencyStyle == CurrencyStyle.CODE ? sign + currencyCode + " " + digits : sign + symbol() + digits;
  }

  /** The currency's symbol in this language: {@code ¥} for CNY in zh-CN, {@code $} for USD in en. */
  public String symbol() {
    try {
      String s = Currency.getInstance(currencyCode).getSymbol(locale.locale());
      // the JDK writes a currency foreign to the language with its code (CN¥, US$): keep the sign only
      return s.length() > 1 && s.codePoints().anyMatch(c -> !Character.isLetter(c))
          ? s.replaceAll("\\p{L}", "") : s;
    } catch (IllegalArgumentException e) {
      return currencyCode + " ";
    }
  }

  /** A decimal without trailing zeros and without grouping: {@code 1.2}, {@code 10}. */
  public String plain(BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString();
  }

  /** A whole or decimal number with thousands grouping, decimals as given: {@code 12,345}. */
  public String number(BigDecimal value) {
    if (value == null) {
      return "";
    }
    DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale.locale()));
    f.setMaximumFractionDigits(Math.max(0, value.stripTrailingZeros().scale()));
    f.setRoundingMode(RoundingMode.UNNECESSARY);
    return f.format(value);
  }

  /** A ratio as a percentage without trailing zeros: 0.025 reads {@code 2.5%}. */
  public String percent(BigDecimal ratio) {
    return ratio == null ? "" : plain(ratio.movePointRight(2)) + "%";
  }

  /** A ratio as a percentage with one decimal: 1.0526 reads {@code 105.3%}. */
  public String percent1(BigDecimal ratio) {
    return ratio == null ? "" : ratio.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  /** {@code March 2026} / {@code 2026年3月}. */
  public String month(YearMonth month) {
    if (month == null) {
      return "";
    }
    return locale == UiLocale.ZH_CN ? month.getYear() + "年" + month.getMonthValue() + "月"
        : month.getMonth().getDisplayName(TextStyle.FULL, locale.locale()) + " " + month.getYear();
  }

  /** {@code Mar 5, 2026} / {@code 2026年3月5日}. */
  public String date(LocalDate date) {
    if (date == null) {
      return "";
    }
    return locale == UiLocale.ZH_CN ? date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日"
        : date.format(DateTimeFormatter.ofPattern("MMM d, yyyy", locale.locale()));
  }

  /** A quarter by its first month: {@code Q1 2026} / {@code 2026年第1季度}. */
  public String quarter(LocalDate start) {
    int q = (start.getMonthValue() - 1) / 3 + 1;
    return locale == UiLocale.ZH_CN ? start.getYear() + "年第" + q + "季度" : "Q" + q + " " + start.getYear();
  }
}
