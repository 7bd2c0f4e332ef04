package org.salescomp.generate;

import static org.salescomp.generate.Draws.between;
import static org.salescomp.generate.Draws.chance;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.salescomp.generate.Draws.Stream;

/**
 * Builds the customers. Each is owned by a rep drawn by the rep's activity over the period (3% are
 * house accounts without owner) and lies in the region of the owner's team. Most existed before the
 * period; the others are created while their owner is employed (all of a new hire's are). A customer
 * churns with a monthly hazard by segment and then stays inactive.
 */
final class CustomersBuilder {
  /** Monthly churn hazard of enterprise, mid-market and smb customers. */
  private static final double[] CHURN_HAZARD = {0.004, 0.008, 0.015};
  private static final double[] RECURRING_MEDIAN = {4000, 900, 150};

  private CustomersBuilder() {}

  static Customers build(long seed, int count, Roster roster, SalesActivity activity) {
    Period period = activity.period();
    double[] ownerCumulative = ownerWeights(roster, activity);
    int[] segment = new int[count];
    int[] region = new int[count];
    int[] owner = new int[count];
    int[] created = new int[count];
    int[] churn = new int[count];
    int[] currency = new int[count];
    double[] recurring = new double[count];
    for (int c = 0; c < count; c++) {
      SplittableRandom rng = Draws.rng(seed, Stream.CUSTOMER, c);
      segment[c] = Draws.weighted(rng, 15, 35, 50);
      currency[c] = Draws.weighted(rng, 70, 12, 10, 8);
      boolean house = chance(rng, 0.03);
      owner[c] = house ? -1 : Draws.drawIndex(ownerCumulative, rng.nextDouble());
      region[c] = house ? rng.nextInt(Vocabulary.REGIONS.length) : regionOf(roster, owner[c]);
      created[c] = createdDay(rng, period, house ? null : roster.rep(owner[c]));
      churn[c] = churnMonth(rng, period, created[c], CHURN_HAZARD[segment[c]]);
      recurring[c] = chance(rng, 0.45) ? Draws.logNormal(rng, RECURRING_MEDIAN[segment[c]], 0.6) : 0;
    }
    return new Customers(segment, region, owner, created, churn, currency, recurring,
        books(owner, roster.reps().size()), established(region, created, period));
  }

  private static double[] ownerWeights(Roster roster, SalesActivity activity) {
    double[] cumulative = new double[roster.reps().size()];
    double sum = 0;
    for (int r = 0; r < cumulative.length; r++) {
      sum += activity.totalWeight(r);
      cumulative[r] = sum;
    }
    return cumulative;
  }

  private static int regionOf(Roster roster, int rep) {
    int team = roster.rep(rep).rows().get(0).team(); // team moves stay within the region
    return Vocabulary.regionIndex(roster.team(team).region());
  }

  private static int createdDay(SplittableRandom rng, Period period, Rep owner) {
    boolean establishedOwner = owner == null || owner.hireDay() < period.firstDay();
    if (establishedOwner && chance(rng, 0.75)) {
      return period.firstDay() - between(rng, 30, 2500);
    }
    int from = owner == null ? period.firstDay() : Math.max(period.firstDay(), owner.hireDay());
    int to = owner == null ? period.lastDay() : owner.lastActiveDay(from, period.lastDay());
    return to < from ? from : between(rng, from, to);
  }

  private static int churnMonth(SplittableRandom rng, Period period, int created, double hazard) {
    int firstMonth = Math.max(0, period.monthIndex(created));
    double u = 1.0 - rng.nextDouble();
    long activeAfterFirst = (long) Math.floor(StrictMath.log(u) / StrictMath.log(1 - hazard));
    long month = firstMonth + 1 + activeAfterFirst;
    return month >= period.months() ? Period.OPEN : (int) month;
  }

  private static int[][] books(int[] owner, int reps) {
    List<List<Integer>> byRep = new ArrayList<>();
    for (int r = 0; r < reps; r++) {
      byRep.add(new ArrayList<>());
    }
    for (int c = 0; c < owner.length; c++) {
      if (owner[c] >= 0) {
        byRep.get(owner[c]).add(c);
      }
    }
    return byRep.stream().map(CustomersBuilder::toArray).toArray(int[][]::new);
  }

  /** Customers created before the period, by region; every region gets at least one. */
  private static int[][] established(int[] region, int[] created, Period period) {
    List<List<Integer>> byRegion = new ArrayList<>();
    List<Integer> all = new ArrayList<>();
    for (int g = 0; g < Vocabulary.REGIONS.length; g++) {
      byRegion.add(new ArrayList<>());
    }
    for (int c = 0; c < region.length; c++) {
      if (created[c] < period.firstDay()) {
        byRegion.get(region[c]).add(c);
        all.add(c);
      }
    }
    return byRegion.stream()
        .map(list -> toArray(!list.isEmpty() ? list : !all.isEmpty() ? all : List.of(0)))
        .toArray(int[][]::new);
  }

  private static int[] toArray(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
  }
}
