package org.salescomp.generate;

import java.util.SplittableRandom;

/**
 * Seeded random draws. Every generated unit (a deal, a customer, a rep) gets its own generator,
 * derived from the seed, a stream and the unit's index, so its rows depend on nothing else: not on
 * the partitioning, not on the order in which Spark runs the tasks. Transcendental functions use
 * {@link StrictMath}, whose results are the same on every JVM.
 */
final class Draws {
  /** Independent random streams; the salts are fixed so that renaming a stream changes nothing. */
  enum Stream {
    ROSTER(11), REP(12), NEW_HIRE(13), CUSTOMER(21), CUSTOMER_NAME(22), RETENTION(23), FX(31),
    DEAL(41), QUOTA(51), REP_TARGETS(52), TEAM_TARGETS(53), TRAINING(61), ADJUSTMENT(71);

    private final long salt;

    Stream(long salt) {
      this.salt = salt;
    }
  }

  private Draws() {}

  static SplittableRandom rng(long seed, Stream stream, long index) {
    return new SplittableRandom(mix(mix(mix(seed) + stream.salt) + index));
  }

  /** The SplitMix64 finalizer: spreads nearby inputs over the whole range. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A standard normal draw (Box-Muller). */
  static double gaussian(SplittableRandom rng) {
    double u = 1.0 - rng.nextDouble(); // (0, 1]: the logarithm stays finite
    double v = rng.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
  }

  static double logNormal(SplittableRandom rng, double median, double sigma) {
    return median * StrictMath.exp(sigma * gaussian(rng));
  }

  /** A uniform integer in {@code [low, high]}, both included. */
  static int between(SplittableRandom rng, int low, int high) {
    return low + rng.nextInt(high - low + 1);
  }

  static boolean chance(SplittableRandom rng, double probability) {
    return rng.nextDouble() < probability;
  }

  /** An index drawn with the given (not necessarily normalised) weights. */
  static int weighted(SplittableRandom rng, double... weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = rng.nextDouble() * total;
    for (int i = 0; i < weights.length - 1; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /**
   * The index drawn from cumulative weights ({@code cumulative[i]} = the sum of weights 0..i) with
   * {@code u} uniform in [0, 1): the first index whose cumulative weight exceeds {@code u} times the
   * total. An index with weight 0 is never drawn.
   */
  static int drawIndex(double[] cumulative, double u) {
    double target = u * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > target) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  static <T> T pick(SplittableRandom rng, T[] values) {
    return values[rng.nextInt(values.length)];
  }

  static double clamp(double value, double low, double high) {
    return Math.max(low, Math.min(high, value));
  }
}
