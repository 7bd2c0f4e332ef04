package org.salescomp.generate;

import java.util.SplittableRandom;

/**
 * What a deal sells, through which channel, and for how much. Sizes are log-normal around a median
 * of a few thousand USD with a long tail, larger for enterprise customers, hardware and software,
 * account executives and skilled reps; online deals are small.
 */
final class DealMix {
  static final double MEDIAN_USD = 4_800;
  static final double SIGMA = 0.8;
  static final double MIN_USD = 100;
  static final double MAX_USD = 3_000_000;

  /** Customer mix of enterprise, mid-market, smb (see {@link CustomersBuilder}). */
  static final double[] SEGMENT_SHARE = {0.15, 0.35, 0.50};
  private static final double[] SEGMENT_SIZE = {3.0, 1.2, 0.5};
  /** Weights of software, hardware, services, subscription, by segment. */
  private static final double[][] CATEGORY_WEIGHTS = {{35, 20, 30, 15}, {30, 25, 20, 25},
      {25, 25, 10, 40}};
  private static final double[] CATEGORY_SIZE = {1.2, 1.0, 0.9, 0.6};
  private static final double[] CHANNEL_SIZE = {1.0, 1.0, 0.5};

  private DealMix() {}

  static int category(SplittableRandom rng, int segment) {
    return Draws.weighted(rng, CATEGORY_WEIGHTS[segment]);
  }

  static int channel(SplittableRandom rng, String role) {
    return Draws.weighted(rng, channelWeights(role));
  }

  /** Weights of direct, partner, online. */
  private static double[] channelWeights(String role) {
    return switch (role) {
      case Vocabulary.MANAGER -> new double[] {80, 20, 0};
      case Vocabulary.INSIDE_SALES -> new double[] {35, 10, 55};
      default -> new double[] {65, 30, 5};
    };
  }

  static double usd(SplittableRandom rng, Rep rep, int segment, int category, int channel) {
    double usd = Draws.logNormal(rng, MEDIAN_USD, SIGMA) * repSize(rep) * SEGMENT_SIZE[segment]
        * CATEGORY_SIZE[category] * CHANNEL_SIZE[channel];
    return Draws.clamp(usd, MIN_USD, MAX_USD);
  }

  /**
   * The mean deal size of a rep in USD, given the share of their deals with each segment and the
   * usual mix of categories and channels.
   */
  static double expectedUsd(Rep rep, double[] segmentShares) {
    double mix = 0;
    for (int s = 0; s < segmentShares.length; s++) {
      mix += segmentShares[s] * SEGMENT_SIZE[s] * mean(CATEGORY_WEIGHTS[s], CATEGORY_SIZE);
    }
    double channel = mean(channelWeights(rep.role()), CHANNEL_SIZE);
    return MEDIAN_USD * StrictMath.exp(SIGMA * SIGMA / 2) * repSize(rep) * mix * channel;
  }

  private static double repSize(Rep rep) {
    double role = switch (rep.role()) {
      case Vocabulary.MANAGER -> 1.5;
      case Vocabulary.INSIDE_SALES -> 0.5;
      default -> 1.6;
    };
    return role * StrictMath.sqrt(rep.skill());
  }

  private static double mean(double[] weights, double[] values) {
    double total = 0;
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      total += weights[i];
      sum += weights[i] * values[i];
    }
    return sum / total;
  }
}
