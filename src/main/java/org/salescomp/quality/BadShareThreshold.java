package org.salescomp.quality;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.salescomp.config.QualityRules;

/**
 * Fails the run when a source's share of quarantined rows, quarantined / (read - deferred), is above
 * its {@link QualityRules#maxFor maximum}. The message is what a data engineer acts on: each failing
 * source with its count, and its top reasons with an example row key each.
 */
final class BadShareThreshold {
  static final int TOP_REASONS = 3;

  private BadShareThreshold() {}

  static void check(List<SourceTally> tallies, QualityRules rules) {
    List<String> failures = new ArrayList<>();
    for (SourceTally tally : tallies) {
      BigDecimal max = rules.maxFor(tally.table());
      if (tally.quarantined() > 0 && share(tally).compareTo(max) > 0) {
        failures.add(describe(tally, max));
      }
    }
    if (!failures.isEmpty()) {
      throw new DataQualityException("input data failed the quality threshold (nothing was written): "
          + String.join("; ", failures));
    }
  }

  static BigDecimal share(SourceTally tally) {
    return tally.judged() == 0 ? BigDecimal.ZERO
        : BigDecimal.valueOf(tally.quarantined()).divide(BigDecimal.valueOf(tally.judged()), MathContext.DECIMAL64);
  }

  private static String describe(SourceTally tally, BigDecimal max) {
    String reasons = tally.reasons().stream().limit(TOP_REASONS)
        .map(r -> String.format(Locale.ROOT, "%s %,d (e.g. %s)", r.reason(), r.rows(), r.exampleKey()))
        .collect(Collectors.joining(", "));
    return String.format(Locale.ROOT, "%s: %,d of %,d rows quarantined (%s, max %s): %s", tally.table().tableName(),
        tally.quarantined(), tally.judged(), percent(share(tally)), percent(max), reasons);
  }

  private static String percent(BigDecimal share) {
    return share.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
  }
}
