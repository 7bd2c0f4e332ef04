package org.salescomp.generate;

import static org.salescomp.generate.Draws.between;

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
 * The {@code training_results} table: reps take courses {@code C-101}..{@code C-105} on days they are
 * employed in the period (new hires nearly all of them); a score of 70 or more passes, and a failed
 * course is often retaken two to eight weeks later with a better score.
 */
final class TrainingResults {
  static final long REPS_PER_PARTITION = 20_000;
  static final int PASS_MARK = 70;

  private TrainingResults() {}

  static Dataset<Row> generate(SparkSession spark, Broadcast<World> world) {
    return Distributed.generate(spark, world.value().sizes().reps(), REPS_PER_PARTITION,
        SourceTable.TRAINING_RESULTS.schema(), rep -> rows(world.value(), (int) rep));
  }

  private static List<Row> rows(World world, int index) {
    Period period = world.period();
    Rep rep = world.roster().rep(index);
    int from = Math.max(period.firstDay(), rep.hireDay());
    int to = rep.lastActiveDay(period.firstDay(), period.lastDay());
    if (to < 0) {
      return List.of();
    }
    SplittableRandom rng = Draws.rng(world.seed(), Stream.TRAINING, index);
    boolean newHire = rep.hireDay() >= period.firstDay();
    String repId = world.ids().rep(index);
    List<Row> rows = new ArrayList<>();
    for (String course : Vocabulary.COURSES) {
      if (!Draws.chance(rng, newHire ? 0.9 : 0.7)) {
        continue;
      }
      int day = between(rng, from, to);
      int score = (int) Draws.clamp(
          Math.round(74 + 12 * Draws.gaussian(rng) + 20 * (rep.quality() - 0.75)), 0, 100);
      rows.add(result(repId, course, day, score));
      int retake = day + between(rng, 14, 60);
      if (score < PASS_MARK && retake <= to && Draws.chance(rng, 0.6)) {
        rows.add(result(repId, course, retake, Math.min(100, score + between(rng, 5, 25))));
      }
    }
    return rows;
  }

  private static Row result(String repId, String course, int day, int score) {
    return RowFactory.create(repId, course, Period.date(day), score, score >= PASS_MARK);
  }
}
