package org.salescomp.generate;

import java.io.Serializable;

/**
 * How many of each thing a scale and a number of months make. Scale 1 over 24 months: 200 reps in
 * 20 teams, 100,000 deals, 5,000 customers. Reps and teams grow with the scale above 1 only; deals
 * grow with the scale and with the months (a constant deal rate per rep-month).
 */
record Sizes(int teams, int reps, int initialReps, int newHires, int leavers, int movers,
    int customers, long deals) implements Serializable {
  static final int REPS_AT_SCALE_1 = 200;
  static final int TEAMS_AT_SCALE_1 = 20;
  static final long DEALS_AT_SCALE_1 = 100_000;
  static final int CUSTOMERS_AT_SCALE_1 = 5_000;
  static final int REFERENCE_MONTHS = 24;

  static Sizes of(double scale, int months) {
    double people = Math.max(1.0, scale);
    int teams = (int) Math.round(TEAMS_AT_SCALE_1 * people);
    int reps = (int) Math.round(REPS_AT_SCALE_1 * people);
    // turnover over the period: 10% hired, 8% leaving, 5% moving team per 24 months
    double turnover = Math.min(months, REFERENCE_MONTHS) / (double) REFERENCE_MONTHS;
    int newHires = (int) Math.round(reps * 0.10 * turnover);
    int initialReps = reps - newHires;
    int sellers = initialReps - teams; // the first rep of each team is its manager
    int leavers = (int) Math.round(sellers * 0.08 * turnover);
    int movers = (int) Math.round(sellers * 0.05 * turnover);
    int customers = (int) Math.max(8L * reps, Math.round(CUSTOMERS_AT_SCALE_1 * scale));
    long deals = Math.max(1, Math.round(DEALS_AT_SCALE_1 * scale * months / REFERENCE_MONTHS));
    return new Sizes(teams, reps, initialReps, newHires, leavers, movers, customers, deals);
  }
}
