package org.salescomp.generate;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.salescomp.generate.Draws.Stream;

/**
 * Monthly revenue quotas, in USD. A quota follows the rep's expected revenue for the month (deal
 * count times mean deal size, lower in a new hire's ramp months and in months the rep is employed
 * only part of), but only partly their skill: a strong rep beats it, a weak one misses it, so that
 * attainment spreads from about 0.3 to 1.6.
 */
final class Quotas {
  /** Quotas sit a little above expectations: the median rep attains a bit under 1. */
  private static final double STRETCH = 1.08;
  /**
   * Attainment grows with skill to this power: 0 would set each quota exactly to the rep's
   * expectations, 1.5 would ignore skill (deal count ~ skill, deal size ~ skill^0.5).
   */
  private static final double SKILL_IN_ATTAINMENT = 0.3;
  private static final double MINIMUM = 500;

  private Quotas() {}

  /** The rep's quota for a month, or null when the rep is not employed in it. */
  static BigDecimal monthly(World world, int rep, int month) {
    SalesActivity activity = world.activity();
    if (activity.weight(rep, month) == 0) {
      return null;
    }
    Rep r = world.roster().rep(rep);
    SplittableRandom rng =
        Draws.rng(world.seed(), Stream.QUOTA, (long) rep * world.period().months() + month);
    double expected = activity.expectedDeals(rep, month)
        * DealMix.expectedUsd(r, world.customers().segmentShares(rep));
    double quota = expected * STRETCH * StrictMath.pow(r.skill(), -SKILL_IN_ATTAINMENT)
        * (1 + 0.05 * Draws.gaussian(rng));
    return Decimals.roundedTo(Math.max(MINIMUM, quota), 100);
  }
}
