package org.salescomp.generate;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * The customers, held column-wise in primitive arrays so that hundreds of thousands of them ship to
 * the executors cheaply. An owner of -1 is a house account; a churn month of {@link Period#OPEN}
 * means the customer never churns within the period.
 */
final class Customers implements Serializable {
  /** The share of a rep's deals that go to their own accounts. */
  static final double OWN_BOOK_SHARE = 0.85;
  final int[] segment;
  final int[] region;
  final int[] owner;
  final int[] createdDay;
  /** The first month index in which the customer is inactive. */
  final int[] churnMonth;
  final int[] currency;
  /** Monthly recurring revenue while active, 0 for a customer without a subscription. */
  final double[] recurring;
  /** {@code book[r]}: the customers rep r owns. */
  final int[][] book;
  /** {@code established[g]}: the customers of region g created before the period. */
  final int[][] established;

  Customers(int[] segment, int[] region, int[] owner, int[] createdDay, int[] churnMonth,
      int[] currency, double[] recurring, int[][] book, int[][] established) {
    this.segment = segment;
    this.region = region;
    this.owner = owner;
    this.createdDay = createdDay;
    this.churnMonth = churnMonth;
    this.currency = currency;
    this.recurring = recurring;
    this.book = book;
    this.established = established;
  }

  boolean activeIn(int customer, int month) {
    return month < churnMonth[customer];
  }

  /**
   * The expected share of a rep's deals with each segment: the segments of their book for most
   * deals, the usual mix for the others (see {@link #pickFor}).
   */
  double[] segmentShares(int rep) {
    double[] shares = new double[DealMix.SEGMENT_SHARE.length];
    int[] own = book[rep];
    double fromBook = own.length == 0 ? 0 : OWN_BOOK_SHARE;
    for (int s = 0; s < shares.length; s++) {
      shares[s] = (1 - fromBook) * DealMix.SEGMENT_SHARE[s];
    }
    for (int c : own) {
      shares[segment[c]] += fromBook / own.length;
    }
    return shares;
  }

  /**
   * The customer of a deal of rep {@code rep} in region {@code region} on {@code day} (month index
   * {@code month}): mostly one of the rep's own accounts that exists and has not churned by then,
   * else an established account of the region.
   */
  int pickFor(SplittableRandom rng, int rep, int region, int day, int month) {
    int[] own = book[rep];
    if (own.length > 0 && Draws.chance(rng, OWN_BOOK_SHARE)) {
      for (int attempt = 0; attempt < 6; attempt++) {
        int c = own[rng.nextInt(own.length)];
        if (createdDay[c] <= day && activeIn(c, month)) {
          return c;
        }
      }
    }
    int[] pool = established[region];
    for (int attempt = 0; attempt < 20; attempt++) {
      int c = pool[rng.nextInt(pool.length)];
      if (activeIn(c, month)) {
        return c;
      }
    }
    return pool[rng.nextInt(pool.length)];
  }
}
