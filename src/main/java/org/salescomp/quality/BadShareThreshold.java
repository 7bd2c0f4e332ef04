package org.salescomp.quality;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.salescomp.io.SourceTable;
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
  private static final Map<ReasonCode, SourceTable> PARENT_BY_REASON = Map.of(
      ReasonCode.UNKNOWN_DEAL, SourceTable.DEALS, ReasonCode.UNKNOWN_CUSTOMER, SourceTable.CUSTOMERS,
      ReasonCode.UNKNOWN_REP, SourceTable.REPS, ReasonCode.UNKNOWN_TEAM, SourceTable.TEAMS);

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
      throw new DataQualityException(emptyParents(tallies)
          + "input data failed the quality threshold (nothing was written): " + String.join("; ", failures));
    }
  }

  /**
   * The sources that read no rows while others were quarantined for referring to them (a deals file with
   * a header only): named first, since they, not their children, are what to fix.
   */
  private static String emptyParents(List<SourceTally> tallies) {
    Map<SourceTable, SourceTally> byTable = new EnumMap<>(SourceTable.class);
    tallies.forEach(t -> byTable.put(t.table(), t));
    Set<String> empty = new TreeSet<>();
    for (SourceTally tally : tallies) {
      for (SourceTally.ReasonCount reason : tally.reasons()) {
        SourceTable parent = PARENT_BY_REASON.get(reason.reason());
        if (parent != null && byTable.containsKey(parent) && byTable.get(parent).read() == 0) {
          empty.add(parent.tableName());
        }
      }
    }
    return empty.isEmpty() ? "" : "source " + String.join(", ", empty) + " has no rows (empty, or a header only); ";
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
