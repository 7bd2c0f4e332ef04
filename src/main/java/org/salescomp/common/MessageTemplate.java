package org.salescomp.common;

import java.util.ArrayList;
import java.util.List;

/**
 * A message of the bundles, parsed: literal text and placeholders. A placeholder names an argument and
 * how to show it:
 * <ul>
 *   <li>{@code {deal}}: the argument as it is (codes, ids, whole numbers);
 *   <li>{@code {amount,money}}: a decimal with grouping and two decimals, {@code 1,120.00};
 *   <li>{@code {x,number}}: a decimal without trailing zeros, {@code 1.2};
 *   <li>{@code {rate,percent}}: a ratio as a percentage, {@code 2.5%};
 *   <li>{@code {m,month}} ({@code yyyy-MM}), {@code {d,date}} ({@code yyyy-MM-dd}): per language;
 *   <li>{@code {x,opt,other.key}}: the message {@code other.key} (same arguments) when x is given, else nothing;
 *   <li>{@code {parts,list,other.key}}: x holds entries separated by {@code ;}, fields by {@code |}; each
 *       entry is the message {@code other.key} with its fields as arguments {@code 0, 1, ...}, and the
 *       entries are joined by {@code " + "} (the parts of a sum).
 * </ul>
 */
public record MessageTemplate(String key, List<Part> parts) {

  public enum Kind { TEXT, MONEY, NUMBER, PERCENT, MONTH, DATE, OPT, LIST }

  /** Literal text (kind null) or a placeholder. */
  public record Part(String text, String arg, Kind kind, String subKey) {
    public boolean literal() {
      return kind == null;
    }
  }

  public static final String ENTRY_SEPARATOR = ";";
  public static final String FIELD_SEPARATOR = "|";
  public static final String LIST_JOIN = " + ";

  public static MessageTemplate parse(String key, String text) {
    List<Part> parts = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('{', i);
      if (open < 0) {
        parts.add(new Part(text.substring(i), null, null, null));
        break;
      }
      if (open > i) {
        parts.add(new Part(text.substring(i, open), null, null, null));
      }
      int close = text.indexOf('}', open);
      if (close < 0) {
        throw new IllegalArgumentException("message " + key + ": unclosed { in \"" + text + "\"");
      }
      String[] fields = text.substring(open + 1, close).split(",", -1);
      Kind kind = fields.length == 1 ? Kind.TEXT : kind(key, fields[1].trim());
      boolean nested = kind == Kind.OPT || kind == Kind.LIST;
      if (nested != (fields.length == 3)) {
        throw new IllegalArgumentException("message " + key + ": opt and list name a message, others do not: {"
            + text.substring(open + 1, close) + "}");
      }
      parts.add(new Part(null, fields[0].trim(), kind, nested ? fields[2].trim() : null));
      i = close + 1;
    }
    return new MessageTemplate(key, List.copyOf(parts));
  }

  private static Kind kind(String key, String name) {
    try {
      return Kind.valueOf(name.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("message " + key + ": unknown format " + name);
    }
  }
}
