package org.salescomp.generate;

import java.io.Serializable;

/**
 * Identifier formats: a prefix and a zero-padded number ({@code R-0001}, {@code D-0000001}). The
 * width is the larger of the usual width and the digits of the largest number, so that all ids of a
 * table have the same width and sort in numeric order. Ids number from 1; methods take 0-based indexes.
 */
record Ids(int repWidth, int teamWidth, int customerWidth, int dealWidth) implements Serializable {

  static Ids of(Sizes sizes) {
    return new Ids(width(4, sizes.reps()), width(2, sizes.teams()), width(6, sizes.customers()),
        width(7, sizes.deals()));
  }

  String rep(int index) {
    return format("R-", index + 1L, repWidth);
  }

  String team(int index) {
    return format("T-", index + 1L, teamWidth);
  }

  String customer(int index) {
    return format("C-", index + 1L, customerWidth);
  }

  String deal(long index) {
    return format("D-", index + 1, dealWidth);
  }

  /** At most one survey per deal: a survey is numbered after its deal. */
  String survey(long dealIndex) {
    return format("SV-", dealIndex + 1, dealWidth);
  }

  /** At most one complaint per deal: a complaint is numbered after its deal. */
  String complaint(long dealIndex) {
    return format("CP-", dealIndex + 1, dealWidth);
  }

  static String adjustment(int index) {
    return format("ADJ-", index + 1L, 6);
  }

  private static int width(int usual, long largest) {
    return Math.max(usual, Long.toString(largest).length());
  }

  private static String format(String prefix, long number, int width) {
    String digits = Long.toString(number);
    return prefix + "0".repeat(Math.max(0, width - digits.length())) + digits;
  }
}
