package org.salescomp.generate;

import static org.salescomp.generate.Draws.between;
import static org.salescomp.generate.Draws.chance;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The CSAT survey and the complaint a deal may lead to. Scores follow the owner's quality; a
 * complaint is likelier with a low-quality owner, after a low score, or after a cancellation or
 * refund. Most surveys and complaints name the deal and the rep, some only the deal, a few only the
 * customer (and a few complaints name a rep without a deal).
 */
final class CustomerVoice {
  static final double SURVEY_SHARE = 0.3;
  private static final double[] SEVERITY_WEIGHTS = {40, 35, 18, 7};
  /** Weights of billing, delivery, product, service; hardware deals mostly raise delivery issues. */
  private static final double[] CATEGORY_WEIGHTS = {30, 10, 30, 30};
  private static final double[] HARDWARE_CATEGORY_WEIGHTS = {20, 45, 20, 15};
  private static final int HARDWARE = 1;

  /** One deal's survey and complaint rows (each list holds at most one row). */
  record Voice(List<Row> surveys, List<Row> complaints) {}

  /** What a survey or complaint is about. */
  record Subject(long dealIndex, String dealId, String customerId, String repId, Rep owner,
      int closeDay, int category, boolean reversed) {}

  private CustomerVoice() {}

  static Voice of(SplittableRandom rng, Ids ids, Subject subject) {
    Row survey = null;
    int score = 0;
    if (chance(rng, SURVEY_SHARE)) {
      score = score(rng, subject);
      survey = survey(rng, ids, subject, score);
    }
    double complaintChance = (0.012 + 0.05 * (1 - subject.owner().quality()))
        * (survey != null && score <= 2 ? 3.5 : 1) * (subject.reversed() ? 2.5 : 1);
    Row complaint = chance(rng, complaintChance) ? complaint(rng, ids, subject) : null;
    return new Voice(survey == null ? List.of() : List.of(survey),
        complaint == null ? List.of() : List.of(complaint));
  }

  private static int score(SplittableRandom rng, Subject subject) {
    double mean = 2.9 + 1.6 * subject.owner().quality() - (subject.reversed() ? 1 : 0);
    return (int) Draws.clamp(Math.round(mean + 0.85 * Draws.gaussian(rng)), 1, 5);
  }

  private static Row survey(SplittableRandom rng, Ids ids, Subject subject, int score) {
    int attribution = Draws.weighted(rng, 65, 25, 10); // deal and rep, deal only, customer only
    int day = subject.closeDay() + between(rng, 1, 21);
    String source = Vocabulary.SURVEY_SOURCES[Draws.weighted(rng, 50, 20, 30)];
    return RowFactory.create(ids.survey(subject.dealIndex()), subject.customerId(),
        attribution < 2 ? subject.dealId() : null, attribution == 0 ? subject.repId() : null,
        Period.date(day), score, source);
  }

  private static Row complaint(SplittableRandom rng, Ids ids, Subject subject) {
    // deal and rep, deal only, rep only, customer only
    int attribution = Draws.weighted(rng, 50, 35, 5, 10);
    int opened = subject.closeDay() + between(rng, 2, 60);
    Integer resolved = chance(rng, 0.88) ? opened + between(rng, 0, 30) : null;
    String severity = Vocabulary.SEVERITIES[Draws.weighted(rng, SEVERITY_WEIGHTS)];
    double[] categories =
        subject.category() == HARDWARE ? HARDWARE_CATEGORY_WEIGHTS : CATEGORY_WEIGHTS;
    String category = Vocabulary.COMPLAINT_CATEGORIES[Draws.weighted(rng, categories)];
    return RowFactory.create(ids.complaint(subject.dealIndex()), subject.customerId(),
        attribution <= 1 ? subject.dealId() : null,
        attribution == 0 || attribution == 2 ? subject.repId() : null,
        Period.date(opened), severity, category, resolved == null ? null : Period.date(resolved));
  }
}
