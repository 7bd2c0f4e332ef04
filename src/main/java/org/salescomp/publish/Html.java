package org.salescomp.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Text helpers of the pages this package writes: escaping, money and percentages, bundled resources. */
final class Html {
  private Html() {}

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Money as a rep reads it: {@code 20,000.00}, {@code -1,391.82}; empty for null. */
  static String money(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(amount);
  }

  /** A ratio as a percentage with one decimal: 0.87345 reads {@code 87.3%}; empty for null. */
  static String percent(BigDecimal ratio) {
    return ratio == null ? "" : ratio.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  /** A decimal without trailing zeros; empty for null. */
  static String plain(BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString();
  }

  /**
   * A template with each {@code {{name}}} replaced by its value, in one pass: a value is never scanned for
   * placeholders, so data that happens to contain {@code {{...}}} stays as it is.
   */
  static String fill(String template, java.util.Map<String, String> values) {
    StringBuilder out = new StringBuilder(template.length());
    int at = 0;
    while (true) {
      int open = template.indexOf("{{", at);
      int close = open < 0 ? -1 : template.indexOf("}}", open + 2);
      if (close < 0) {
        return out.append(template, at, template.length()).toString();
      }
      String name = template.substring(open + 2, close);
      String value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("template placeholder {{" + name + "}} has no value");
      }
      out.append(template, at, open).append(value);
      at = close + 2;
    }
  }

  /** A text resource of this package, e.g. the page template. */
  static String resource(String name) {
    try (InputStream in = Html.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " next to " + Html.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
  }
}
