package org.salescomp.generate;

import java.io.Serializable;
import java.util.Arrays;

/**
 * How the deals spread over reps and months. A rep-month's weight is the rep's deal rate (role times
 * skill, ramping up over a new hire's first months) times the month's seasonality times the share of
 * the month's (weighted) days the rep is employed. Deals are numbered month by month: each month gets
 * a share of the total proportional to its weight, and within a month a deal's owner is drawn by
 * weight. The same weights give each rep-month its expected number of deals, from which quotas follow.
 */
final class SalesActivity implements Serializable {
  private final Period period;
  /** {@code cumulative[m][r]}: the sum of the weights of reps 0..r in month m. */
  private final double[][] cumulative;
  /** {@code firstDeal[m]}: the index of month m's first deal; {@code firstDeal[months]} is the total. */
  private final long[] firstDeal;

  private SalesActivity(Period period, double[][] cumulative, long[] firstDeal) {
    this.period = period;
    this.cumulative = cumulative;
    this.firstDeal = firstDeal;
  }

  static SalesActivity of(Roster roster, Period period, long deals) {
    int reps = roster.reps().size();
    double[][] cumulative = new double[period.months()][reps];
    double[] monthTotals = new double[period.months()];
    for (int m = 0; m < period.months(); m++) {
      double[] dayWeights = cumulativeDayWeights(period, m);
      double sum = 0;
      for (int r = 0; r < reps; r++) {
        sum += weight(roster.rep(r), period, m, dayWeights);
        cumulative[m][r] = sum;
      }
      monthTotals[m] = sum;
    }
    return new SalesActivity(period, cumulative, allocate(deals, monthTotals));
  }

  /** {@code result[i]}: the summed {@link Period#dayWeight} of the month's first i days. */
  private static double[] cumulativeDayWeights(Period period, int month) {
    int first = period.monthStart(month);
    double[] cumulative = new double[period.monthEnd(month) - first + 2];
    for (int i = 1; i < cumulative.length; i++) {
      cumulative[i] = cumulative[i - 1] + Period.dayWeight(first + i - 1);
    }
    return cumulative;
  }

  private static double weight(Rep rep, Period period, int month, double[] dayWeights) {
    int first = period.monthStart(month);
    int last = rep.lastActiveDay(first, period.monthEnd(month));
    if (last < 0) {
      return 0;
    }
    int from = Math.max(first, rep.hireDay()) - first;
    double employed = dayWeights[last - first + 1] - dayWeights[from];
    double all = dayWeights[dayWeights.length - 1];
    return dealRate(rep) * ramp(month - rep.hireMonth(period)) * period.seasonality(month)
        * employed / all;
  }

  /** Relative deals per month of a fully ramped rep: inside sales many small, managers few. */
  private static double dealRate(Rep rep) {
    double role = switch (rep.role()) {
      case Vocabulary.MANAGER -> 0.15;
      case Vocabulary.INSIDE_SALES -> 1.5;
      default -> 1.0;
    };
    return role * rep.skill();
  }

  /** A new hire's share of a ramped rep's deals in their month index 0, 1, 2, then all of it. */
  private static double ramp(int tenureMonth) {
    return switch (tenureMonth) {
      case 0 -> 0.3;
      case 1 -> 0.6;
      case 2 -> 0.85;
      default -> 1.0;
    };
  }

  /** Splits {@code total} over the months by weight, exactly (largest remainder, then month order). */
  private static long[] allocate(long total, double[] weights) {
    double sum = Arrays.stream(weights).sum();
    long[] counts = new long[weights.length];
    double[] remainders = new double[weights.length];
    long given = 0;
    for (int m = 0; m < weights.length; m++) {
      double exact = total * weights[m] / sum;
      counts[m] = (long) Math.floor(exact);
      remainders[m] = exact - counts[m];
      given += counts[m];
    }
    for (long left = total - given; left > 0; left--) {
      int best = 0;
      for (int m = 1; m < weights.length; m++) {
        if (remainders[m] > remainders[best]) {
          best = m;
        }
      }
      counts[best]++;
      remainders[best] = -1;
    }
    long[] first = new long[weights.length + 1];
    for (int m = 0; m < weights.length; m++) {
      first[m + 1] = first[m] + counts[m];
    }
    return first;
  }

  Period period() {
    return period;
  }

  /** The month index a deal closes in. */
  int monthOfDeal(long deal) {
    int m = Arrays.binarySearch(firstDeal, deal);
    if (m >= 0) {
      while (m + 1 < firstDeal.length && firstDeal[m + 1] == deal) {
        m++; // months without deals share their first index with the next month
      }
      return m;
    }
    return -m - 2;
  }

  /** The owner of a deal in month m, drawn by weight with {@code u} uniform in [0, 1). */
  int drawRep(int month, double u) {
    return Draws.drawIndex(cumulative[month], u);
  }

  double weight(int rep, int month) {
    return cumulative[month][rep] - (rep > 0 ? cumulative[month][rep - 1] : 0);
  }

  double expectedDeals(int rep, int month) {
    double[] cum = cumulative[month];
    long monthDeals = firstDeal[month + 1] - firstDeal[month];
    return monthDeals * weight(rep, month) / cum[cum.length - 1];
  }

  /** A rep's weight over the whole period: how large a book of customers they hold. */
  double totalWeight(int rep) {
    double sum = 0;
    for (int m = 0; m < period.months(); m++) {
      sum += weight(rep, m);
    }
    return sum;
  }
}
