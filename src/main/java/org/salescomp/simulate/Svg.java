package org.salescomp.simulate;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Small helpers to write SVG and HTML text: escaping, number formats, a linear scale and nice ticks. */
final class Svg {
  static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
      "#ff9da7", "#9c755f", "#bab0ac"};
  static final String BASELINE_COLOR = "#222222";

  private Svg() {}

  static String esc(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  /** Money as a person reads it: 1,234,567 (no cents; the tables have them). */
  static String money(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
  }

  static String signedMoney(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    return (amount.signum() > 0 ? "+" : "") + money(amount);
  }

  static String percent(BigDecimal share) {
    if (share == null) {
      return "";
    }
    return new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT))
        .format(share.multiply(BigDecimal.valueOf(100))) + "%";
  }

  static String signedPercent(BigDecimal share) {
    if (share == null) {
      return "";
    }
    return (share.signum() > 0 ? "+" : "") + percent(share);
  }

  static String num(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** Maps [domainMin, domainMax] onto [rangeMin, rangeMax]. */
  record Scale(double domainMin, double domainMax, double rangeMin, double rangeMax) {
    double at(double value) {
      double span = domainMax - domainMin;
      double t = span == 0 ? 0.5 : (value - domainMin) / span;
      return rangeMin + t * (rangeMax - rangeMin);
    }

    double at(BigDecimal value) {
      return at(value.doubleValue());
    }
  }

  /** About {@code count} round tick values covering [min, max]. */
  static double[] ticks(double min, double max, int count) {
    double span = max - min;
    if (span <= 0) {
      return new double[] {min};
    }
    double raw = span / count;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = magnitude * (raw / magnitude >= 5 ? 10 : raw / magnitude >= 2 ? 5 : raw / magnitude >= 1 ? 2 : 1);
    double first = Math.ceil(min / step) * step;
    int n = (int) Math.floor((max - first) / step) + 1;
    double[] ticks = new double[Math.max(n, 1)];
    for (int i = 0; i < ticks.length; i++) {
      ticks[i] = first + i * step;
    }
    return ticks;
  }

  static String axisLabel(double value) {
    double abs = Math.abs(value);
    if (abs >= 1e6) {
      return String.format(Locale.ROOT, "%.1fM", value / 1e6);
    }
    if (abs >= 1e3) {
      return String.format(Locale.ROOT, "%.0fk", value / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f", value);
  }
}
