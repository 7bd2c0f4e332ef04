package org.salescomp.generate;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The generated months and the shape of selling over the calendar. Days are epoch days
 * ({@link LocalDate#toEpochDay()}) held as ints; {@link #OPEN} stands for "no end".
 */
record Period(YearMonth start, int months) implements Serializable {
  static final int OPEN = Integer.MAX_VALUE;
  /** The largest value {@link #dayWeight} returns. */
  static final double MAX_DAY_WEIGHT = 1.6;

  int firstDay() {
    return monthStart(0);
  }

  /** The last day of the last month, included. */
  int lastDay() {
    return monthEnd(months - 1);
  }

  YearMonth month(int index) {
    return start.plusMonths(index);
  }

  int monthStart(int index) {
    return (int) month(index).atDay(1).toEpochDay();
  }

  /** The last day of the month, included. */
  int monthEnd(int index) {
    return (int) month(index).atEndOfMonth().toEpochDay();
  }

  /** The month index of a day: negative before the period, {@code months} or more after it. */
  int monthIndex(int day) {
    return (int) ChronoUnit.MONTHS.between(start, YearMonth.from(date(day)));
  }

  static LocalDate date(int day) {
    return LocalDate.ofEpochDay(day);
  }

  static boolean isWeekend(int day) {
    return Math.floorMod(day + 3, 7) >= 5; // epoch day 0 was a Thursday
  }

  /** The next Monday to Friday on or after {@code day}. */
  static int businessDayFrom(int day) {
    int d = day;
    while (isWeekend(d)) {
      d++;
    }
    return d;
  }

  /** How busy a calendar month is: quarter ends and December strong, summer slow. */
  double seasonality(int index) {
    return switch (month(index).getMonth()) {
      case JANUARY -> 0.85;
      case FEBRUARY -> 0.9;
      case MARCH, SEPTEMBER -> 1.15;
      case JUNE -> 1.1;
      case JULY -> 0.75;
      case AUGUST -> 0.7;
      case DECEMBER -> 1.3;
      default -> 0.95;
    };
  }

  /** Relative chance of a deal closing on a day: few on weekends, a rush in a quarter's last ten days. */
  static double dayWeight(int day) {
    if (isWeekend(day)) {
      return 0.08;
    }
    LocalDate date = date(day);
    boolean quarterEnd = date.getMonth().firstMonthOfQuarter().plus(2) == date.getMonth();
    return quarterEnd && date.getDayOfMonth() > date.lengthOfMonth() - 10 ? MAX_DAY_WEIGHT : 1.0;
  }

  /** The first month index of every quarter overlapping the period, which may be negative. */
  int[] quarterStarts() {
    Month first = start.getMonth().firstMonthOfQuarter();
    int offset = first.getValue() - start.getMonthValue(); // 0, -1 or -2
    int count = (months - offset + 2) / 3;
    int[] starts = new int[count];
    for (int q = 0; q < count; q++) {
      starts[q] = offset + 3 * q;
    }
    return starts;
  }
}
