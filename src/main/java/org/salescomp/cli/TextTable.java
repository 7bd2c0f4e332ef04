package org.salescomp.cli;

import java.util.List;

/** Rows as an aligned text table, laid out like Spark's {@code show(n, false)}. */
final class TextTable {
  private static final int MIN_WIDTH = 3;

  private TextTable() {}

  static String render(List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = Math.max(MIN_WIDTH, header.get(c).length());
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder text = new StringBuilder();
    String rule = rule(widths);
    text.append(rule).append(line(header, widths)).append(rule);
    rows.forEach(row -> text.append(line(row, widths)));
    return text.append(rule).toString();
  }

  private static String rule(int[] widths) {
    StringBuilder rule = new StringBuilder("+");
    for (int width : widths) {
      rule.append("-".repeat(width)).append('+');
    }
    return rule.append('\n').toString();
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder("|");
    for (int c = 0; c < widths.length; c++) {
      String cell = cells.get(c);
      line.append(cell).append(" ".repeat(widths[c] - cell.length())).append('|');
    }
    return line.append('\n').toString();
  }
}
