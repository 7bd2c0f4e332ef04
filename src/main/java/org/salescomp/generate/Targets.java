package org.salescomp.generate;

import static org.salescomp.generate.Draws.between;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.salescomp.generate.Draws.Stream;
import org.salescomp.io.SourceTable;

/**
 * The {@code targets} table. Per rep: a monthly {@code revenue} quota for each month they are
 * employed in, and per quarter (every quarter overlapping the period, in which they are employed)
 * {@code new_customers}, {@code csat} (4.2 to 4.5), {@code complaint_rate} (0.03 to 0.05) and
 * {@code retention_rate} (0.88 to 0.92). Per team, for about half of them: a quarter {@code revenue}
 * target near the sum of the quotas of the team's reps. Generated over units 0..reps-1 (reps) then
 * reps..reps+teams-1 (teams).
 */
final class Targets {
  static final long UNITS_PER_PARTITION = 5_000;
  private static final double TEAM_TARGET_SHARE = 0.5;

  private Targets() {}

  static Dataset<Row> generate(SparkSession spark, Broadcast<World> world) {
    Sizes sizes = world.value().sizes();
    return Distributed.generate(spark, (long) sizes.reps() + sizes.teams(), UNITS_PER_PARTITION,
        SourceTable.TARGETS.schema(), unit -> rows(world.value(), (int) unit));
  }

  private static List<Row> rows(World world, int unit) {
    int reps = world.sizes().reps();
    return unit < reps ? repRows(world, unit) : teamRows(world, unit - reps);
  }

  private static List<Row> repRows(World world, int rep) {
    Period period = world.period();
    String repId = world.ids().rep(rep);
    List<Row> rows = new ArrayList<>();
    for (int m = 0; m < period.months(); m++) {
      BigDecimal quota = Quotas.monthly(world, rep, m);
      if (quota != null) {
        rows.add(row(Vocabulary.SCOPE_REP, repId, Vocabulary.MONTH, monthStart(period, m),
            Vocabulary.REVENUE, quota));
      }
    }
    SplittableRandom rng = Draws.rng(world.seed(), Stream.REP_TARGETS, rep);
    Rep r = world.roster().rep(rep);
    for (int q : period.quarterStarts()) {
      int last = r.lastActiveDay(period.monthStart(Math.max(0, q)),
          period.monthEnd(Math.min(q + 2, period.months() - 1)));
      if (last < 0) {
        continue;
      }
      boolean newHire = Vocabulary.PLAN_NEW_HIRE.equals(r.rowOn(last).plan());
      LocalDate start = monthStart(period, q);
      rows.add(row(Vocabulary.SCOPE_REP, repId, Vocabulary.QUARTER, start,
          Vocabulary.NEW_CUSTOMERS, BigDecimal.valueOf(newCustomers(rng, r, newHire))));
      rows.add(row(Vocabulary.SCOPE_REP, repId, Vocabulary.QUARTER, start, Vocabulary.CSAT,
          new BigDecimal("4.20").add(new BigDecimal("0.05").multiply(step(rng, 6)))));
      rows.add(row(Vocabulary.SCOPE_REP, repId, Vocabulary.QUARTER, start,
          Vocabulary.COMPLAINT_RATE,
          new BigDecimal("0.030").add(new BigDecimal("0.005").multiply(step(rng, 4)))));
      rows.add(row(Vocabulary.SCOPE_REP, repId, Vocabulary.QUARTER, start,
          Vocabulary.RETENTION_RATE,
          new BigDecimal("0.88").add(new BigDecimal("0.01").multiply(step(rng, 4)))));
    }
    return rows;
  }

  private static int newCustomers(SplittableRandom rng, Rep rep, boolean newHire) {
    if (newHire || rep.isManager()) {
      return between(rng, 1, 2);
    }
    return Vocabulary.INSIDE_SALES.equals(rep.role()) ? between(rng, 3, 6) : between(rng, 2, 5);
  }

  /** The team's quarter revenue target: its reps' quotas for the quarter's months, give or take 5%. */
  private static List<Row> teamRows(World world, int team) {
    SplittableRandom rng = Draws.rng(world.seed(), Stream.TEAM_TARGETS, team);
    if (!Draws.chance(rng, TEAM_TARGET_SHARE)) {
      return List.of();
    }
    Period period = world.period();
    List<Row> rows = new ArrayList<>();
    for (int q : period.quarterStarts()) {
      double quotas = 0;
      for (int m = Math.max(0, q); m <= Math.min(q + 2, period.months() - 1); m++) {
        quotas += teamQuotas(world, team, m);
      }
      double target = quotas * (0.95 + 0.1 * rng.nextDouble());
      if (quotas > 0) {
        rows.add(row(Vocabulary.SCOPE_TEAM, world.ids().team(team), Vocabulary.QUARTER,
            monthStart(period, q), Vocabulary.REVENUE, Decimals.roundedTo(target, 1000)));
      }
    }
    return rows;
  }

  /** The quotas of the reps whose roster row on their last employed day of the month is on the team. */
  private static double teamQuotas(World world, int team, int month) {
    Period period = world.period();
    double sum = 0;
    for (int rep : world.roster().membersEver(team)) {
      Rep r = world.roster().rep(rep);
      int last = r.lastActiveDay(period.monthStart(month), period.monthEnd(month));
      BigDecimal quota = Quotas.monthly(world, rep, month);
      if (last >= 0 && quota != null && r.rowOn(last).team() == team) {
        sum += quota.doubleValue();
      }
    }
    return sum;
  }

  private static BigDecimal step(SplittableRandom rng, int steps) {
    return BigDecimal.valueOf(between(rng, 0, steps));
  }

  private static LocalDate monthStart(Period period, int month) {
    return period.month(month).atDay(1);
  }

  private static Row row(String scope, String scopeId, String periodType, LocalDate start,
      String metric, BigDecimal target) {
    return RowFactory.create(scope, scopeId, periodType, start, metric, target.setScale(6));
  }
}
