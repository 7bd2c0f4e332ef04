package org.salescomp.generate;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.salescomp.generate.Draws.Stream;

/**
 * Daily rates to the reporting currency (USD) of the other currencies, Monday to Friday only, from
 * ten days before the period to two weeks after it: a deal on any day of the period finds the rate
 * of its day or of the last business day before, at most three days old. Each rate is a slow,
 * mean-reverting random walk, rounded to 6 decimals.
 */
final class FxRates implements Serializable {
  private static final int DAYS_BEFORE = 10;
  private static final int DAYS_AFTER = 14;
  /** Rough level of EUR, GBP and CAD in USD, around which each walk starts and stays. */
  private static final double[] LEVEL = {1.0, 1.08, 1.27, 0.74};
  private static final double DAILY_VOLATILITY = 0.004;
  private static final double REVERSION = 0.01;

  private final int firstDay;
  /** {@code rates[currency][day - firstDay]}: the rate of the day, or of the last business day. */
  private final double[][] rates;

  private FxRates(int firstDay, double[][] rates) {
    this.firstDay = firstDay;
    this.rates = rates;
  }

  static FxRates generate(long seed, Period period) {
    int first = period.firstDay() - DAYS_BEFORE;
    int days = period.lastDay() + DAYS_AFTER - first + 1;
    double[][] rates = new double[LEVEL.length][days];
    for (int c = 0; c < LEVEL.length; c++) {
      SplittableRandom rng = Draws.rng(seed, Stream.FX, c);
      double logLevel = StrictMath.log(LEVEL[c]);
      double log = logLevel + 0.03 * Draws.gaussian(rng);
      for (int d = 0; d < days; d++) {
        if (c > 0 && !Period.isWeekend(first + d)) {
          log += DAILY_VOLATILITY * Draws.gaussian(rng) - REVERSION * (log - logLevel);
        }
        rates[c][d] = c == 0 ? 1.0 : Decimals.rate(StrictMath.exp(log)).doubleValue();
      }
    }
    return new FxRates(first, rates);
  }

  /** USD per unit of the currency on a day of the period. */
  double toUsd(int currency, int day) {
    return rates[currency][day - firstDay];
  }

  /** The {@code fx_rates} rows: every business day, every currency but the reporting one. */
  List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (int c = 1; c < LEVEL.length; c++) {
      for (int d = 0; d < rates[c].length; d++) {
        if (!Period.isWeekend(firstDay + d)) {
          rows.add(RowFactory.create(Vocabulary.CURRENCIES[c], Period.date(firstDay + d),
              BigDecimal.valueOf(rates[c][d]).setScale(6)));
        }
      }
    }
    return rows;
  }
}
